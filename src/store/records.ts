import { z } from 'zod';
import { Actor } from '../domain/actor';
import { Development } from '../domain/development';
import { Incident } from '../domain/incident';
import { Source } from '../domain/source';

/**
 * Stored shapes. `v` is the record format; `migrate` brings any older record to the current one
 * when it is read, so a release never has to rewrite the store behind the user's back.
 *
 * v2 keeps an incident's developments as one JSON string plus a few facts about them. Starting
 * a replica then reads tens of thousands of incidents without building a million objects: the
 * developments of an incident are parsed and validated the first time something reads them.
 */
export const RECORD_VERSION = 2;

/** What the catalog needs to know about an incident's developments without parsing them. */
export const DevelopmentFacts = z.object({
  count: z.number().int().nonnegative(),
  /** Every actor id in `by` or `against`. */
  actors: z.array(z.string()),
  /** Other incidents these developments are also about. */
  alsoAbout: z.array(z.string()),
  /** Newest `recordedAt` (ISO), or '' when there are none: digests skip incidents with nothing new. */
  lastRecordedAt: z.string(),
});
export type DevelopmentFacts = z.infer<typeof DevelopmentFacts>;

export const StoredIncident = z.object({
  v: z.literal(2),
  incident: Incident,
  facts: DevelopmentFacts,
  developments: z.string(),
  /** Counts writes: compare-and-set needs every write to change the stored bytes. Older records have none. */
  rev: z.number().int().nonnegative().optional(),
});
export type StoredIncident = z.infer<typeof StoredIncident>;
export const StoredSource = z.object({ v: z.union([z.literal(1), z.literal(2)]), source: Source });
export const StoredActor = z.object({ v: z.union([z.literal(1), z.literal(2)]), actor: Actor });

export function factsOf(incidentId: string, developments: Development[]): DevelopmentFacts {
  const actors = new Set<string>();
  const also = new Set<string>();
  let last = '';
  for (const d of developments) {
    for (const a of d.by) actors.add(a);
    for (const a of d.against) actors.add(a);
    for (const i of d.incidents) if (i !== incidentId) also.add(i);
    if (d.recordedAt > last) last = d.recordedAt;
  }
  return { count: developments.length, actors: [...actors], alsoAbout: [...also], lastRecordedAt: last };
}

export function toRecord(incident: Incident, developments: Development[], rev?: number): StoredIncident {
  return {
    v: RECORD_VERSION,
    incident,
    facts: factsOf(incident.id, developments),
    developments: JSON.stringify(developments),
    ...(rev === undefined ? {} : { rev }),
  };
}

/** Parses and validates the developments of a record; invalid ones are reported and left out. */
export function parseDevelopments(json: string, onProblem: (problem: string) => void): Development[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    onProblem('developments are not valid JSON');
    return [];
  }
  if (!Array.isArray(raw)) {
    onProblem('developments are not a list');
    return [];
  }
  const out: Development[] = [];
  raw.forEach((item, i) => {
    const r = Development.safeParse(item);
    if (r.success) out.push(r.data);
    else onProblem(`developments.${i}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  });
  return out;
}

/** Brings a stored value to the current format (v1 kept developments as an array). */
export function migrate(value: unknown): unknown {
  const v = value as { v?: unknown; incident?: { id?: unknown }; developments?: unknown } | null;
  if (v && v.v === 1 && Array.isArray(v.developments) && v.incident && typeof v.incident.id === 'string') {
    const devs = v.developments as Development[];
    return { v: 2, incident: v.incident, facts: factsOf(v.incident.id, devs), developments: JSON.stringify(devs) };
  }
  return value;
}
