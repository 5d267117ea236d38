import { endOf, precisionOf, startOf } from '../domain/dates';
import type { Development } from '../domain/development';
import { normalize } from '../text/normalize';
import { minhash, shingles, similarity } from './minhash';

/**
 * What an article says, reduced to what survives a change of outlet or of language: a MinHash
 * of its word shingles (same language only), and anchors that read the same in English and
 * French (knowledge-base ids of the actors and incidents it names, the dates it resolves, its
 * figures and the proper names that are not translated).
 */
export interface StoryFingerprint {
  lang: string;
  signature: number[];
  anchors: string[];
}

/** Text similarity above which two articles in one language are retellings of the same piece. */
export const TEXT_THRESHOLD = 0.3;
/** Anchor overlap above which two articles (any languages) tell the same story. */
export const ANCHOR_THRESHOLD = 0.35;

export function fingerprint(input: {
  text: string;
  lang: string;
  entities?: Iterable<string>;
  dates?: Iterable<string>;
}): StoryFingerprint {
  const anchors = new Set<string>();
  for (const e of input.entities ?? []) anchors.add(`e:${e}`);
  for (const d of input.dates ?? []) anchors.add(`d:${d}`);
  for (const n of figures(input.text)) anchors.add(`n:${n}`);
  for (const p of properNames(input.text)) anchors.add(`p:${p}`);
  return { lang: input.lang, signature: minhash(shingles(input.text)), anchors: [...anchors].sort() };
}

export interface StoryMatch {
  same: boolean;
  text: number;
  anchors: number;
}

export function compareStories(a: StoryFingerprint, b: StoryFingerprint): StoryMatch {
  const sameLang = a.lang === b.lang;
  const text = sameLang ? similarity(a.signature, b.signature) : 0;
  // Across languages a name found on one side only is likely a translation (British/britannique),
  // not a difference: only names both sides share count, next to ids, dates and figures.
  // A couple of shared years and brand names is not a story: an entity must be among at least three neutral anchors in common.
  const neutral = a.anchors.filter((x) => !x.startsWith('p:') && b.anchors.includes(x));
  const enough = neutral.length >= 3 && neutral.some((x) => x.startsWith('e:'));
  const anchors = sameLang
    ? jaccard(a.anchors, b.anchors)
    : enough
      ? jaccard(a.anchors, b.anchors, (x) => !x.startsWith('p:'))
      : 0;
  return { same: text >= TEXT_THRESHOLD || anchors >= ANCHOR_THRESHOLD, text, anchors };
}

/** A development already stored, with the fingerprints of the articles that told it. */
export interface KnownDevelopment {
  dev: Development;
  stories: StoryFingerprint[];
}

/**
 * The stored development that the incoming one repeats, if any. It must be the same kind of act,
 * about the same incident, by and against the same actors, on compatible dates; and then either
 * be exactly the same dated act by the same parties, or come from an article telling the same
 * story. Two allies attributing the same attack on the same day stay two developments.
 */
export function findSameDevelopment(
  incoming: Development,
  story: StoryFingerprint,
  known: Iterable<KnownDevelopment>,
): Development | undefined {
  let best: { dev: Development; score: number } | undefined;
  for (const k of known) {
    const e = k.dev;
    if (!couldBeSame(e, incoming)) continue;
    const exact =
      e.date === incoming.date &&
      precisionOf(e.date) === 'day' &&
      sameSet(e.by, incoming.by) &&
      sameSet(e.against, incoming.against) &&
      e.by.length > 0;
    let score = exact ? 1 : 0;
    for (const s of exact ? [] : k.stories) {
      const m = compareStories(story, s);
      if (m.same) score = Math.max(score, m.text, m.anchors);
    }
    if (score > 0 && (!best || score > best.score)) best = { dev: e, score };
  }
  return best?.dev;
}

/** The cheap half of the test: same kind of act, incident, compatible dates and parties. */
export function couldBeSame(e: Development, incoming: Development): boolean {
  if (e.origin !== 'ingested' || e.id === incoming.id || e.type !== incoming.type) return false;
  if (!e.incidents.some((i) => incoming.incidents.includes(i))) return false;
  if (!compatibleDates(e.date, incoming.date)) return false;
  return compatibleActors(e.by, incoming.by) && compatibleActors(e.against, incoming.against);
}

/**
 * The stored development with the new article added as a source. What it lacked is filled in
 * (the other language's text, a more precise date, parties when it named none); what it
 * had is kept, so the first recording time, and thus the digest that announced it, stands.
 */
export function mergeDevelopment(existing: Development, incoming: Development): Development {
  const text = { ...existing.text };
  if (incoming.text.en && !text.en) text.en = incoming.text.en;
  if (incoming.text.fr && !text.fr) text.fr = incoming.text.fr;
  const morePrecise =
    precisionRank(incoming.date) > precisionRank(existing.date) &&
    startOf(incoming.date) >= startOf(existing.date) &&
    endOf(incoming.date) <= endOf(existing.date);
  return {
    ...existing,
    date: morePrecise ? incoming.date : existing.date,
    // Parties are taken from the second telling only when the first named none: a misread party
    // in one outlet's article must not spread into a development every other outlet confirmed.
    by: existing.by.length > 0 ? existing.by : incoming.by,
    against: existing.against.length > 0 ? existing.against : incoming.against,
    incidents: union(existing.incidents, incoming.incidents),
    stance: existing.stance ?? incoming.stance,
    text,
    sources: union(existing.sources, incoming.sources),
  };
}

/** Same day (give or take one, for time zones and next-day reports), or one date containing the other. */
export function compatibleDates(a: string, b: string): boolean {
  if (precisionOf(a) === 'day' && precisionOf(b) === 'day') return Math.abs(startOf(a) - startOf(b)) <= 86_400_000;
  return (startOf(a) <= startOf(b) && endOf(b) <= endOf(a)) || (startOf(b) <= startOf(a) && endOf(a) <= endOf(b));
}

/** Either side unknown, or at least one party in common. */
function compatibleActors(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function precisionRank(d: string): number {
  return d.length;
}

/** Jaccard index; elements outside the intersection count in the union only when `counts` says so. */
function jaccard(a: string[], b: string[], counts: (x: string) => boolean = () => true): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  let union = 0;
  for (const x of sa) {
    if (sb.has(x)) inter += 1;
    else if (counts(x)) union += 1;
  }
  for (const x of sb) if (!sa.has(x) && counts(x)) union += 1;
  union += inter;
  return union === 0 ? 0 : inter / union;
}

/** Figures written either way round: "30,000", "30 000" and "30000" are one anchor; years count too. */
function figures(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+\b|\b\d{2,}\b/g))
    out.add(m[0].replace(/[ ,.\u00a0\u202f]/g, ''));
  return [...out];
}

/** Capitalised words inside sentences (not after a full stop): names that both languages keep. */
function properNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;:'’] )\p{Lu}[\p{L}\d-]{3,}/gu)) out.add(normalize(m[0]));
  return [...out];
}
