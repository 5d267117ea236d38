import { endOf, type PartialDate, precisionOf, startOf } from '../domain/dates';
import type { DevelopmentType } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Mention } from './entities';
import type { Lexicon } from './lexicon/lexicon';
import type { Token } from './text/tokens';

/** How far after an incident's end a development may still be about it (attributions, indictments and sanctions come years later). */
const AFTER_MS = 6 * 365 * 86_400_000;
const BEFORE_MS = 62 * 86_400_000;
/** An attack told without naming its incident must fall this close to the incident's period. */
const ATTACK_SLACK_MS = 45 * 86_400_000;

/** Incident periods in milliseconds, computed once per incident object. */
const periods = new WeakMap<Incident, [number, number]>();
function periodOf(incident: Incident): [number, number] {
  let p = periods.get(incident);
  if (!p) {
    p = [startOf(incident.period.start), endOf(incident.period.end ?? incident.period.start)];
    periods.set(incident, p);
  }
  return p;
}

const spans = new Map<string, [number, number]>();
function spanOf(date: PartialDate): [number, number] {
  let s = spans.get(date);
  if (!s) {
    if (spans.size > 20_000) spans.clear();
    s = [startOf(date), endOf(date)];
    spans.set(date, s);
  }
  return s;
}

export function compatibleDate(incident: Incident, date: PartialDate): boolean {
  const [start, end] = periodOf(incident);
  const [from, to] = spanOf(date);
  return to >= start - BEFORE_MS && from <= end + AFTER_MS;
}

/** Within a year of a short incident: the time of the responses that follow it. */
function soonAfter(incident: Incident, date: PartialDate): boolean {
  const [start, end] = periodOf(incident);
  const [from, to] = spanOf(date);
  return to >= start - ATTACK_SLACK_MS && from <= end + 366 * 86_400_000;
}

function withinPeriod(incident: Incident, date: PartialDate): boolean {
  const [start, end] = periodOf(incident);
  const [from, to] = spanOf(date);
  return to >= start - ATTACK_SLACK_MS && from <= end + ATTACK_SLACK_MS;
}

export function incidentActors(incident: Incident): Set<string> {
  return new Set([...incident.targets, ...incident.suspected]);
}

/**
 * Incidents a stretch of text is about by the distinctive words of their names and aliases:
 * "Parlement" points at both Storting incidents, half each; "Macron" at one. A word that is also
 * an actor's name ("Microsoft", "APT31") counts half: it names who, not which incident.
 */
export function keywordScores(tokens: readonly Token[], from: number, to: number, lex: Lexicon): Map<string, number> {
  const scores = new Map<string, number>();
  const actorPart = new Map<string, number>();
  const seen = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!t.word || t.norm.length < 4 || seen.has(t.norm)) continue;
    seen.add(t.norm);
    const entry = lex.incidentWords.get(t.norm);
    if (!entry || entry.ids.size > 6 || (entry.capOnly && !t.cap)) continue;
    const actorWord = lex.isActorWord(t.norm);
    const weight = (actorWord ? 0.5 : 1) / entry.ids.size;
    for (const id of entry.ids) {
      if (actorWord) actorPart.set(id, (actorPart.get(id) ?? 0) + weight);
      else scores.set(id, (scores.get(id) ?? 0) + weight);
    }
  }
  // Names of states and bodies in an incident's name say who took part, not which incident it is:
  // however many of them a sentence repeats, they count as half a word of its own.
  for (const [id, v] of actorPart) scores.set(id, (scores.get(id) ?? 0) + Math.min(v, 0.5));
  return scores;
}

export interface LinkQuery {
  type: DevelopmentType;
  /** Incidents named in the text around the development, nearest first. */
  named: string[];
  keywords: Map<string, number>;
  date: PartialDate;
  /** False when `date` is only the publication's: an attack told without a date may be older. */
  dateKnown?: boolean;
  by: string[];
  against: string[];
  /** Dates of attacks told in the same sentence: an incident whose period misses them is not this sentence's. */
  attackDates?: PartialDate[];
  /** Actors named around the development, whoever they are in it. */
  mentioned?: string[];
}

/**
 * The incidents a development is about: those named around it, else the best of those whose
 * distinctive words, parties and period agree with it (by alias, then by entity and date overlap).
 */
export function linkIncidents(q: LinkQuery, lex: Lexicon): string[] {
  const out: string[] = [];
  for (const id of q.named) {
    const inc = lex.incidents.get(id);
    if (inc && compatibleDate(inc, q.date) && !out.includes(id)) out.push(id);
  }
  const candidates = new Set<string>(q.keywords.keys());
  for (const a of [...q.by, ...q.against]) for (const id of lex.incidentsOfActor(a)) candidates.add(id);
  const ranked: { id: string; score: number }[] = [];
  const entityOnly = new Map<string, boolean>();
  const evidence = new Map<string, number>();
  for (const id of candidates) {
    if (out.includes(id)) continue;
    const inc = lex.incidents.get(id);
    if (!inc || !compatibleDate(inc, q.date)) continue;
    const kw = Math.min(q.keywords.get(id) ?? 0, 2);
    const { score: overlap, actors } = entityOverlap(q, inc, lex);
    const dated = withinPeriod(inc, q.date);
    // Being in the period says little about a campaign that ran for years.
    const [from, to] = periodOf(inc);
    // A period known only to the year ("2021") is no short window either: it says when, not how soon.
    const short = to - from <= 366 * 86_400_000 && precisionOf(inc.period.start) !== 'year';
    const undated = q.type === 'attack' && q.dateKnown === false;
    if (q.type === 'attack' && !dated && kw < 1 && !(undated && kw > 0)) continue;
    if (kw < 1 && (q.attackDates ?? []).some((d) => !withinPeriod(inc, d))) continue;
    if (kw < 1) {
      // Not named by its own words, an incident is this one only on the evidence of its victim and time:
      // an attack in its period on one of its targets; a measure of its own kind on its own day; or an
      // act whose parties agree on both sides, by its victim's side, about an attack the sentence dates
      // in its period (Belgium blaming APT31 in 2022 is not the US and UK charging APT31 in 2024).
      const measure = inc.type === 'sanctions' || inc.type === 'policy';
      const hitTarget = q.against.some((a) => related(a, inc.targets, lex));
      const attackInPeriod = (q.attackDates ?? []).some((d) => withinPeriod(inc, d));
      // Half-words ("Volt Typhoon", "Electoral Commission") name the incident when they name its own
      // victim or the group behind it, not a state or a vendor that merely took part.
      const ownParty =
        kw >= 0.5 &&
        (q.mentioned ?? []).some(
          (a) =>
            lex.actors.get(a)?.kind !== 'state' &&
            (inc.targets.includes(a) || (inc.suspected.includes(a) && namedAfter(inc, lex.actors.get(a)?.name.en))),
        );
      if (
        !ownParty &&
        (q.type === 'attack'
          ? !(dated && hitTarget && actors >= 1)
          : measure
            ? !(dated && (q.type === 'sanction' || q.type === 'policy'))
            : !(
                actors >= 2 &&
                q.by.some((b) => related(b, inc.targets, lex)) &&
                (attackInPeriod || (short && soonAfter(inc, q.date)))
              ))
      )
        continue;
    }
    const score = kw + overlap + (dated && short ? 0.5 : 0);
    entityOnly.set(id, kw < 0.5);
    evidence.set(id, kw + overlap);
    if (kw >= 1 || (kw >= 0.5 && overlap >= 0.5) || overlap >= 1) ranked.push({ id, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return out;
  // Parties alone must point at one incident clearly; otherwise the article's context decides.
  const second = ranked[1];
  if (entityOnly.get(top.id) && second && (evidence.get(top.id) ?? 0) - (evidence.get(second.id) ?? 0) < 0.5)
    return out;
  // Next to a named incident, another one is added only on clear evidence of its own.
  if (out.length > 0) {
    const inc = lex.incidents.get(top.id) as Incident;
    const measure = inc.type === 'sanctions' || inc.type === 'policy';
    const ownWords = (q.keywords.get(top.id) ?? 0) > 0;
    return ownWords && (evidence.get(top.id) ?? 0) >= 1 && (!measure || q.type === 'sanction' || q.type === 'policy')
      ? [...out, top.id]
      : out;
  }
  // A tie between several incidents is no answer, unless one of them is named by its words.
  const ties = ranked.filter((r) => r.score >= top.score - 1e-9);
  const worded = ties.filter((r) => (q.keywords.get(r.id) ?? 0) > 0);
  if (ties.length > 1 && worded.length === 0) return out;
  return (worded.length > 0 ? worded : ties).map((r) => r.id);
}

/** An incident named after one of its parties ("Volt Typhoon" for the Volt Typhoon intrusions). */
function namedAfter(inc: Incident, name: string | undefined): boolean {
  if (!name) return false;
  const n = name.toLowerCase();
  return [inc.name.en, inc.name.fr, ...inc.aliases].some((x) => x.toLowerCase().includes(n));
}

/** How much a development's parties agree with an incident's: who was hit, who is suspected. */
function related(a: string, set: readonly string[], lex: Lexicon): boolean {
  return (
    set.includes(a) ||
    set.some(
      (s) => lex.actors.get(s)?.country === a || lex.actors.get(a)?.country === s || lex.actors.get(a)?.parent === s,
    )
  );
}

function entityOverlap(q: LinkQuery, inc: Incident, lex: Lexicon): { score: number; actors: number } {
  // A named group, body or person says more than a state: Russia is suspected in dozens of incidents.
  const match = (a: string, set: readonly string[]): number => {
    if (set.includes(a)) return lex.actors.get(a)?.kind === 'state' ? 0.5 : 1;
    return related(a, set, lex) ? 0.5 : 0;
  };
  let n = 0;
  let actors = 0;
  const add = (v: number) => {
    n += v;
    if (v > 0) actors++;
  };
  const blames =
    q.type === 'attribution' ||
    q.type === 'condemnation' ||
    q.type === 'sanction' ||
    q.type === 'indictment' ||
    q.type === 'expulsion' ||
    q.type === 'summons';
  // A sanctions or policy incident lists those it hits as its targets.
  const measure = inc.type === 'sanctions' || inc.type === 'policy';
  for (const a of q.against) {
    if (q.type === 'attack') add(match(a, inc.targets));
    else if (blames) add(Math.max(match(a, inc.suspected), measure ? match(a, inc.targets) : 0));
    else add(Math.max(match(a, inc.targets), match(a, inc.suspected)) / 2);
  }
  // Authors on the victims' side count once, however many: five allies blaming China is one sign.
  let victimSide = 0;
  for (const b of q.by) {
    if (q.type === 'denial' || q.type === 'attack') add(match(b, inc.suspected));
    else if (blames) victimSide = Math.max(victimSide, Math.min(match(b, inc.targets), 0.5));
  }
  add(victimSide);
  return { score: n, actors };
}

/** Incident ids named in [from, to) of a sentence, in reading order. */
export function namedIn(mentions: readonly Mention[], from: number, to: number): string[] {
  return [
    ...new Set(
      mentions
        .filter((m) => m.incident && m.start >= from && m.end <= to)
        .sort((a, b) => a.start - b.start)
        .map((m) => m.id),
    ),
  ];
}
