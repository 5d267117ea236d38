import type { Actor, ActorRef } from '../domain/actor';
import { compareDates } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { Locale } from '../domain/text';
import { type DevelopmentFacts, factsOf, parseDevelopments } from '../store/records';

/** An incident with its developments either parsed, or still the JSON string the store gave. */
export type CatalogIncident =
  | { incident: Incident; developments: Development[] }
  | { incident: Incident; facts: DevelopmentFacts; developmentsJson: string };

export interface CatalogInput {
  actors: Iterable<Actor>;
  incidents: Iterable<CatalogIncident>;
  sources: Iterable<Source>;
}

interface Entry {
  incident: Incident;
  facts: DevelopmentFacts;
  json?: string;
  parsed?: Development[];
}

/**
 * Everything cyberbrief knows, in memory, with the indexes the briefs need. Briefs are composed
 * from here, never from the store directly: that is what keeps a lookup within milliseconds.
 *
 * Developments are parsed (and validated) per incident on first use, and the least recently used
 * parsed incidents are dropped back to their JSON past `parsedLimit`: a large store starts fast
 * and stays within a bounded memory whatever is looked up.
 */
export class Catalog {
  readonly actors = new Map<string, Actor>();
  readonly incidents = new Map<string, Incident>();
  readonly sources = new Map<string, Source>();
  private readonly entries = new Map<string, Entry>();
  /** incident id -> ids of other incidents whose developments are also about it. */
  private readonly mentionedBy = new Map<string, Set<string>>();
  /** actor id -> incidents in which it appears (suspected, target, or by/against of a development). */
  private readonly byActor = new Map<string, Set<string>>();
  private readonly parsedOrder = new Set<string>();
  private devCount = 0;
  private version = 0;
  private newestCurated: { revision: number; date: string | undefined } = { revision: -1, date: undefined };

  constructor(
    input?: CatalogInput,
    private readonly onProblem: (problem: string) => void = () => undefined,
    private readonly parsedLimit = 500,
  ) {
    if (!input) return;
    for (const a of input.actors) this.actors.set(a.id, a);
    for (const s of input.sources) this.sources.set(s.id, s);
    for (const item of input.incidents) {
      if ('developments' in item) this.putIncident(item.incident, item.developments);
      else this.putEntry({ incident: item.incident, facts: item.facts, json: item.developmentsJson });
    }
  }

  get developmentCount(): number {
    return this.devCount;
  }

  /** Changes on every write: caches of derived values (actor briefs, digest indexes) key on it. */
  get revision(): number {
    return this.version;
  }

  /**
   * How current the curated knowledge is: the newest publication date of a curated source, as
   * YYYY-MM-DD (a month-only date counts from its first day). Sources rather than developments,
   * because they are in memory without parsing anything, every curated development cites one, and a
   * source is never older than what it reports.
   */
  get asOf(): string | undefined {
    if (this.newestCurated.revision !== this.version) {
      let newest: string | undefined;
      for (const s of this.sources.values()) {
        if (s.origin === 'curated' && (newest === undefined || compareDates(s.published, newest) > 0))
          newest = s.published;
      }
      this.newestCurated = { revision: this.version, date: newest && fullDate(newest) };
    }
    return this.newestCurated.date;
  }

  putActor(actor: Actor): void {
    this.actors.set(actor.id, actor);
    this.version++;
  }

  putSource(source: Source): void {
    this.sources.set(source.id, source);
    this.version++;
  }

  /** Replaces an incident and the developments stored with it. */
  putIncident(incident: Incident, developments: Development[]): void {
    this.putEntry({ incident, facts: factsOf(incident.id, developments), parsed: developments });
  }

  incident(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  /** Facts about an incident's developments, without parsing them. */
  facts(incidentId: string): DevelopmentFacts | undefined {
    return this.entries.get(incidentId)?.facts;
  }

  /** The developments stored with the incident (what must be written back with it). */
  ownedDevelopments(incidentId: string): Development[] {
    const e = this.entries.get(incidentId);
    return e ? this.parse(incidentId, e) : [];
  }

  /**
   * Every development about the incident, oldest first. `scan: true` is for sweeps over many
   * incidents (actor briefs): what it parses is not kept, so a sweep neither evicts the incidents
   * people are reading nor holds thousands of parsed lists at once.
   */
  developmentsOf(incidentId: string, opts: { scan?: boolean } = {}): Development[] {
    const read = (id: string) => (opts.scan ? this.peek(id) : this.ownedDevelopments(id));
    const own = read(incidentId);
    const others = [...(this.mentionedBy.get(incidentId) ?? [])].flatMap((home) =>
      read(home).filter((d) => d.incidents.includes(incidentId)),
    );
    return [...own, ...others].sort((a, b) => compareDates(a.date, b.date));
  }

  private peek(id: string): Development[] {
    const e = this.entries.get(id);
    if (!e) return [];
    return e.parsed ?? parseDevelopments(e.json ?? '[]', (p) => this.onProblem(`incident:${id}: ${p}`));
  }

  incidentsOfActor(actorId: string): Incident[] {
    const ids = this.byActor.get(actorId) ?? new Set<string>();
    return [...ids].map((id) => this.incidents.get(id)).filter((i): i is Incident => i !== undefined);
  }

  *allDevelopments(): Iterable<Development> {
    for (const id of [...this.entries.keys()]) yield* this.ownedDevelopments(id);
  }

  /** Developments recorded at or after `since` (ISO), reading only incidents that have any. */
  *developmentsRecordedSince(since: string): Iterable<Development> {
    for (const [id, e] of this.entries) {
      if (e.facts.lastRecordedAt < since) continue;
      for (const d of this.ownedDevelopments(id)) if (d.recordedAt >= since) yield d;
    }
  }

  actorRef(id: string, locale: Locale): ActorRef {
    const a = this.actors.get(id);
    return a ? { id, kind: a.kind, name: a.name[locale] } : { id, kind: guessKind(id), name: id };
  }

  private putEntry(entry: Entry): void {
    const id = entry.incident.id;
    const previous = this.entries.get(id);
    if (previous) {
      this.devCount -= previous.facts.count;
      for (const other of previous.facts.alsoAbout) this.mentionedBy.get(other)?.delete(id);
    }
    this.parsedOrder.delete(id);
    this.entries.set(id, entry);
    this.incidents.set(id, entry.incident);
    this.devCount += entry.facts.count;
    for (const other of entry.facts.alsoAbout) {
      const set = this.mentionedBy.get(other) ?? new Set<string>();
      set.add(id);
      this.mentionedBy.set(other, set);
    }
    for (const a of entry.facts.actors) this.link(a, id);
    for (const a of entry.incident.suspected) this.link(a, id);
    for (const a of entry.incident.targets) this.link(a, id);
    for (const other of entry.facts.alsoAbout) for (const a of entry.facts.actors) this.link(a, other);
    if (entry.parsed) this.touch(id, entry);
    this.version++;
  }

  private parse(id: string, e: Entry): Development[] {
    if (!e.parsed) {
      e.parsed = parseDevelopments(e.json ?? '[]', (p) => this.onProblem(`incident:${id}: ${p}`));
    }
    this.touch(id, e);
    return e.parsed;
  }

  /** Marks an entry as recently used and drops the oldest parsed ones back to JSON. */
  private touch(id: string, e: Entry): void {
    this.parsedOrder.delete(id);
    this.parsedOrder.add(id);
    if (this.parsedOrder.size <= this.parsedLimit) return;
    for (const old of this.parsedOrder) {
      if (this.parsedOrder.size <= this.parsedLimit) break;
      const entry = this.entries.get(old);
      if (entry && entry !== e) {
        // An entry created in memory has no JSON yet: keep the string so it can be parsed again.
        entry.json ??= JSON.stringify(entry.parsed ?? []);
        entry.parsed = undefined;
      }
      this.parsedOrder.delete(old);
    }
  }

  private link(actorId: string, incidentId: string): void {
    const set = this.byActor.get(actorId) ?? new Set<string>();
    set.add(incidentId);
    this.byActor.set(actorId, set);
  }
}

function fullDate(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

function guessKind(id: string): ActorRef['kind'] {
  if (/^[A-Z]{2}$/.test(id)) return 'state';
  if (/^G\d{4}$/.test(id)) return 'group';
  if (/^[a-z]/.test(id)) return 'person';
  return 'organisation';
}
