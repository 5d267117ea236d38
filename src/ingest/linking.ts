import { endOf, type PartialDate, startOf } from '../domain/dates';
import type { Incident } from '../domain/incident';
import type { Mention } from './entities';
import type { Lexicon } from './lexicon/lexicon';
import type { Token } from './text/tokens';

/** Words too common in incident names to say which incident a sentence is about. */
const GENERIC = new Set(
  ('attack attacks attaque attaques cyberattack cyberattacks cyberattaque cyberattaques hack hacks hacking piratage piratages pirate breach breaches intrusion intrusions campaign campagne campagnes operation operations ransomware rancongiciel ' +
    'group groupe groupes espionage espionnage cyber election elections leak leaks fuite fuites fuites sanctions sanction regime the and les des une dans par pour contre against with from into des sur aux with its their mass massive massive ' +
    'exploitation compromise servers serveurs email emails courriels messagerie data donnees network reseau reseaux government gouvernement state etat national nationale international internationale public publique ' +
    'first premiere new nouvelle nouveau wave vague worm ver virus malware logiciel malveillant wiper outbreak theft vol hacks hackers pirates through via par failles flaws flaw faille year annee service services system systeme systems systemes')
    .split(' '),
);

/** How far after an incident's end a development may still be about it (attributions, indictments and sanctions come years later). */
const AFTER_MS = 6 * 365 * 86_400_000;
const BEFORE_MS = 62 * 86_400_000;

export function compatibleDate(incident: Incident, date: PartialDate): boolean {
  const start = startOf(incident.period.start);
  const end = endOf(incident.period.end ?? incident.period.start);
  return endOf(date) >= start - BEFORE_MS && startOf(date) <= end + AFTER_MS;
}

export function incidentActors(incident: Incident): Set<string> {
  return new Set([...incident.targets, ...incident.suspected]);
}

/**
 * Incidents a stretch of text is about by the distinctive words of their names and aliases:
 * "Parlement" points at both Storting incidents, half each; "Macron" at one. Scores add up.
 */
export function keywordScores(tokens: readonly Token[], from: number, to: number, lex: Lexicon): Map<string, number> {
  const scores = new Map<string, number>();
  const seen = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!t.word || t.norm.length < 4 || GENERIC.has(t.norm) || seen.has(t.norm)) continue;
    seen.add(t.norm);
    const entry = lex.incidentWords.get(t.norm);
    if (!entry || entry.ids.size > 6 || (entry.capOnly && !t.cap)) continue;
    for (const id of entry.ids) scores.set(id, (scores.get(id) ?? 0) + 1 / entry.ids.size);
  }
  return scores;
}

export interface LinkQuery {
  /** Incidents named in the text around the development, nearest first. */
  named: string[];
  keywords: Map<string, number>;
  date: PartialDate;
  actors: string[];
}

/** The incidents a development is about, from names first, then distinctive words with agreeing actors and dates. */
export function linkIncidents(q: LinkQuery, lex: Lexicon): string[] {
  const out: string[] = [];
  for (const id of q.named) {
    const inc = lex.incidents.get(id);
    if (inc && compatibleDate(inc, q.date) && !out.includes(id)) out.push(id);
  }
  const ranked: { id: string; score: number }[] = [];
  for (const [id, kw] of q.keywords) {
    if (out.includes(id)) continue;
    const inc = lex.incidents.get(id);
    if (!inc || !compatibleDate(inc, q.date)) continue;
    const actors = incidentActors(inc);
    const overlap = q.actors.filter((a) => actors.has(a) || actors.has(lex.actors.get(a)?.country ?? '')).length;
    if (kw >= 1 || (kw >= 0.5 && overlap > 0)) ranked.push({ id, score: kw + 0.5 * Math.min(overlap, 3) });
  }
  ranked.sort((a, b) => b.score - a.score);
  // Near-ties are both kept only when names already agree; otherwise the clear best wins.
  const top = ranked[0];
  if (top) {
    for (const r of ranked) if (r.score >= top.score - 1e-9) out.push(r.id);
  }
  return out;
}

/** Incident ids named in [from, to) of a sentence, in reading order. */
export function namedIn(mentions: readonly Mention[], from: number, to: number): string[] {
  return [...new Set(mentions.filter((m) => m.incident && m.start >= from && m.end <= to).sort((a, b) => a.start - b.start).map((m) => m.id))];
}
