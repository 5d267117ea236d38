import type { Extraction, ReadDevelopment } from '../../src/ingest/extract';
import type { Lexicon } from '../../src/ingest/lexicon/lexicon';
import type { Label } from './ingest.eval';

/**
 * The five fields issue 14 scores a reading on, defined once for labels and extractions alike:
 *
 * - `incidents`: the incidents the reading names or creates (`extract --json` `incidents`). Known
 *   ones compare by id; new ones by count (a label with two `{ new }` entries and a reading that
 *   creates one new incident score one hit and one miss). A `{ new }` label the knowledge base has
 *   since learned is expected as its id (see `expectedIncidents`).
 * - `accused`: states in `against` of attributions, sanctions, indictments, condemnations,
 *   summons and expulsions.
 * - `acting`: parties in `by` of every development but attacks (the attacker is no acting party)
 *   and denials (the denier is the accused).
 * - `types`: development types other than attack, disclosure, statement and investigation.
 * - `groups`: threat groups the reading names (`actors` of kind group) against the label's `groups`.
 *
 * In `accused` and `acting`, every id stands for the state or body it acts for (`principal`), on
 * both sides: an agency or an official counts as its state through the actor record's `country`
 * (a person with a `parent` body as that body), so "FR-MEAE", "jean-yves-le-drian" and "FR" agree.
 * Companies, parties and other private bodies (told by their description) stay themselves, as do
 * bodies with no country (EU, EU-COUNCIL, NATO) and groups (scored in `groups`).
 */
export const READING_FIELDS = ['incidents', 'accused', 'acting', 'types', 'groups'] as const;
export type ReadingField = (typeof READING_FIELDS)[number];
export type ReadingSets = Record<ReadingField, Set<string>>;

const ACCUSING = new Set(['attribution', 'sanction', 'indictment', 'condemnation', 'summons', 'expulsion']);
const NOT_ACTING = new Set(['attack', 'denial']);
const COMMON_TYPES = new Set(['attack', 'disclosure', 'statement', 'investigation']);
/** Descriptions of bodies that speak for no state: firms, media, parties, exchanges. */
const PRIVATE =
  /\b(company|firm|vendor|maker|provider|operator|developer|giant|studio|television|broadcaster|reporter|journalist|exchange|party|movement|hotel|credit reporting|professional services)\b/i;

export function principal(id: string, lex: Lexicon, depth = 0): string {
  const a = lex.actors.get(id);
  if (!a || depth > 4) return id;
  if (a.kind === 'person') {
    if (a.parent && lex.actors.has(a.parent)) return principal(a.parent, lex, depth + 1);
    return a.country ?? id;
  }
  if (a.kind === 'organisation' && a.country && !PRIVATE.test(a.description?.en ?? '')) return a.country;
  return id;
}

interface DevLike {
  type: string;
  by?: string[];
  against?: string[];
}

function partySets(devs: DevLike[], lex: Lexicon): Pick<ReadingSets, 'accused' | 'acting' | 'types'> {
  const accused = new Set<string>();
  const acting = new Set<string>();
  const types = new Set<string>();
  for (const d of devs) {
    if (!COMMON_TYPES.has(d.type)) types.add(d.type);
    if (ACCUSING.has(d.type))
      for (const id of d.against ?? []) {
        const p = principal(id, lex);
        if (lex.actors.get(p)?.kind === 'state' || /^[A-Z]{2}$/.test(p)) accused.add(p);
      }
    if (!NOT_ACTING.has(d.type)) for (const id of d.by ?? []) acting.add(principal(id, lex));
  }
  return { accused, acting, types };
}

/** Known incidents of a label by id, and one `new#k` per new incident the knowledge base does not know. */
export function expectedIncidents(label: Label, known: (name: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  let fresh = 0;
  for (const i of label.incidents) {
    if (typeof i === 'string') out.add(i);
    else {
      const id = known(i.new);
      out.add(id ?? `new#${++fresh}`);
    }
  }
  return out;
}

export function expectedReading(label: Label, lex: Lexicon, known: (name: string) => string | undefined): ReadingSets {
  return {
    incidents: expectedIncidents(label, known),
    groups: new Set(label.groups),
    ...partySets(label.developments, lex),
  };
}

/** Every development read, linked to an incident or not. */
export function allDevelopments(x: Extraction): ReadDevelopment[] {
  return [...x.developments, ...x.unlinked];
}

export function predictedReading(x: Extraction, lex: Lexicon): ReadingSets {
  let fresh = 0;
  const incidents = new Set(x.incidents.map((i) => (i.match === 'new' ? `new#${++fresh}` : i.id)));
  return {
    incidents,
    groups: new Set(x.actors.filter((id) => lex.actors.get(id)?.kind === 'group')),
    ...partySets(allDevelopments(x), lex),
  };
}

/** Links to known incidents that the label names too, out of all links to known incidents. */
export function linkingCounts(x: Extraction, expected: Set<string>): { correct: number; links: number } {
  let correct = 0;
  let links = 0;
  const created = new Set(x.newIncidents.map((i) => i.id));
  for (const d of x.developments)
    for (const id of d.incidents) {
      if (created.has(id)) continue;
      links++;
      if (expected.has(id)) correct++;
    }
  return { correct, links };
}

/** A label naming no new incident, read into a new one: an invented incident. */
export function invented(label: Label, x: Extraction): number {
  const expectsNew = label.incidents.some((i) => typeof i !== 'string');
  return expectsNew ? 0 : x.newIncidents.length;
}
