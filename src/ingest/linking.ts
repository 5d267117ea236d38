import { endOf, type PartialDate, startOf } from '../domain/dates';
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

export function compatibleDate(incident: Incident, date: PartialDate): boolean {
  const start = startOf(incident.period.start);
  const end = endOf(incident.period.end ?? incident.period.start);
  return endOf(date) >= start - BEFORE_MS && startOf(date) <= end + AFTER_MS;
}

function withinPeriod(incident: Incident, date: PartialDate): boolean {
  const start = startOf(incident.period.start);
  const end = endOf(incident.period.end ?? incident.period.start);
  return endOf(date) >= start - ATTACK_SLACK_MS && startOf(date) <= end + ATTACK_SLACK_MS;
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
  const seen = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!t.word || t.norm.length < 4 || seen.has(t.norm)) continue;
    seen.add(t.norm);
    const entry = lex.incidentWords.get(t.norm);
    if (!entry || entry.ids.size > 6 || (entry.capOnly && !t.cap)) continue;
    const weight = (lex.isActorWord(t.norm) ? 0.5 : 1) / entry.ids.size;
    for (const id of entry.ids) scores.set(id, (scores.get(id) ?? 0) + weight);
  }
  return scores;
}

export interface LinkQuery {
  type: DevelopmentType;
  /** Incidents named in the text around the development, nearest first. */
  named: string[];
  keywords: Map<string, number>;
  date: PartialDate;
  by: string[];
  against: string[];
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
  if (out.length > 0) return out;
  const candidates = new Set<string>(q.keywords.keys());
  for (const a of [...q.by, ...q.against]) for (const id of lex.incidentsOfActor(a)) candidates.add(id);
  const ranked: { id: string; score: number }[] = [];
  for (const id of candidates) {
    const inc = lex.incidents.get(id);
    if (!inc || !compatibleDate(inc, q.date)) continue;
    const kw = Math.min(q.keywords.get(id) ?? 0, 2);
    const overlap = entityOverlap(q, inc, lex);
    const dated = withinPeriod(inc, q.date);
    if (q.type === 'attack' && !dated && kw < 1) continue;
    // Without its words, an incident is this one only if the author was hit by it or the act falls in its period:
    // Belgium blaming APT31 in 2022 is not the US and UK charging APT31 in 2024.
    if (kw < 0.5 && q.type !== 'attack' && !dated && !q.by.some((b) => related(b, inc.targets, lex))) continue;
    const score = kw + overlap + (dated ? 0.5 : 0);
    if (kw >= 1 || (kw >= 0.5 && overlap >= 1) || overlap >= 1.5) ranked.push({ id, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return out;
  // A tie between several incidents is no answer, unless one of them is named by its words.
  const ties = ranked.filter((r) => r.score >= top.score - 1e-9);
  if (ties.length > 1 && ties.every((r) => (q.keywords.get(r.id) ?? 0) === 0)) return out;
  return ties.map((r) => r.id);
}

/** How much a development's parties agree with an incident's: who was hit, who is suspected. */
function related(a: string, set: readonly string[], lex: Lexicon): boolean {
  return set.includes(a) || set.some((s) => lex.actors.get(s)?.country === a || lex.actors.get(a)?.country === s || lex.actors.get(a)?.parent === s);
}

function entityOverlap(q: LinkQuery, inc: Incident, lex: Lexicon): number {
  const same = (a: string, set: readonly string[]) => related(a, set, lex);
  let n = 0;
  const blames = q.type === 'attribution' || q.type === 'condemnation' || q.type === 'sanction' || q.type === 'indictment' || q.type === 'expulsion' || q.type === 'summons';
  // A sanctions or policy incident lists those it hits as its targets.
  const measure = inc.type === 'sanctions' || inc.type === 'policy';
  for (const a of q.against) {
    if (blames && same(a, inc.suspected)) n++;
    else if ((q.type === 'attack' || (blames && measure)) && same(a, inc.targets)) n++;
    else if (same(a, inc.targets) || same(a, inc.suspected)) n += 0.5;
  }
  for (const b of q.by) {
    if (q.type === 'denial' && same(b, inc.suspected)) n++;
    else if (q.type === 'attack' && same(b, inc.suspected)) n++;
    else if (blames && same(b, inc.targets)) n += 0.5;
  }
  return n;
}

/** Incident ids named in [from, to) of a sentence, in reading order. */
export function namedIn(mentions: readonly Mention[], from: number, to: number): string[] {
  return [...new Set(mentions.filter((m) => m.incident && m.start >= from && m.end <= to).sort((a, b) => a.start - b.start).map((m) => m.id))];
}
