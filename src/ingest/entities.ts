import type { Lexicon, LexEntry } from './lexicon/lexicon';
import { BODY_STOP, HEADS } from './lexicon/bodies';
import type { Token } from './text/tokens';

/** What the word before a mention says about its part in the sentence. */
export type Prep = 'de' | 'a' | 'par' | 'contre' | 'loc' | 'selon' | 'avec';

export interface Mention {
  id: string;
  incident: boolean;
  kind: LexEntry['kind'] | 'body';
  /** Token span [start, end). */
  start: number;
  end: number;
  /**
   * `actor`: the name stands for someone who can act ("Pékin", "le gouvernement norvégien", "les
   * Américains"); `affiliation`: a demonym qualifying people or things ("pirates chinois");
   * `nationality`: a demonym in apposition to a named person ("L'Espagnol Josep Borrell").
   */
  role: 'actor' | 'affiliation' | 'nationality';
  prep?: Prep;
  /** Other ids the same words could name, when the knowledge base is ambiguous. */
  alternatives?: string[];
  /** The state a body's name spells out ("le ministère chinois de la Sécurité"): a target with the body, never an author. */
  implied?: boolean;
}

const PREPS = new Map<string, Prep>([
  ['de', 'de'],
  ["d'", 'de'],
  ['du', 'de'],
  ['des', 'de'],
  ['of', 'de'],
  ['from', 'de'],
  ['a', 'a'],
  ['à', 'a'],
  ['au', 'a'],
  ['aux', 'a'],
  ['to', 'a'],
  ['par', 'par'],
  ['by', 'par'],
  ['contre', 'contre'],
  ['against', 'contre'],
  ['on', 'contre'],
  ['envers', 'contre'],
  ['vis', 'contre'],
  ['en', 'loc'],
  ['in', 'loc'],
  ['at', 'loc'],
  ['dans', 'loc'],
  ['inside', 'loc'],
  ['within', 'loc'],
  ['chez', 'loc'],
  ['outre', 'loc'],
  ['selon', 'selon'],
  ['according', 'selon'],
  ['avec', 'avec'],
  ['with', 'avec'],
]);
/** Words skipped when looking back from a name for its preposition. */
const DETERMINERS = new Set([
  'le',
  'la',
  'les',
  "l'",
  'the',
  'un',
  'une',
  'a',
  'an',
  'its',
  'their',
  'leur',
  'leurs',
  'son',
  'sa',
  'ses',
  'ce',
  'cette',
  'ces',
  'this',
  'that',
  'these',
  'those',
  'tout',
  'toute',
  'tous',
  'toutes',
  'all',
]);
/** Nouns for the people who speak and act for a state: a demonym after (fr) or before (en) them names the state itself. */
export const GOVERNMENT_NOUNS = new Set(
  (
    'gouvernement gouvernements autorites autorite ministre ministres ministere ministeres diplomatie president presidente presidence premier secretaire etat chancelier chanceliere ambassade ambassadeur justice parquet procureur procureurs procureure armee renseignement renseignements services police officiels responsables dirigeants executif administration regime pouvoir dirigeant porte parole diplomates diplomate exterieur exterieures ' +
    'government governments authorities authority minister ministers ministry president presidency premier secretary state chancellor embassy ambassador justice prosecutors prosecutor army military intelligence services police officials leaders executive administration regime spokesperson spokesman spokeswoman diplomats diplomat envoy leadership'
  ).split(' '),
);
/** Nouns that stand between a preposition and a group's name without changing its part: "au groupe APT28". */
const GENERIC_HEADS = new Set([
  'groupe',
  'group',
  'gang',
  'unite',
  'unit',
  'collectif',
  'cluster',
  'campagne',
  'campaign',
]);
/** Who a claim comes from, between "selon" and a demonym: "selon des experts américains", "according to US officials". */
const SOURCE_NOUNS = new Set([
  'experts',
  'expert',
  'sources',
  'source',
  'chercheurs',
  'researchers',
  'enqueteurs',
  'investigators',
  'analystes',
  'analysts',
  'renseignement',
  'intelligence',
  'medias',
  'media',
  'presse',
  'press',
]);
const COUNTED =
  /^(\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|plusieurs|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|des|les|the|quelques|some)$/;

/**
 * Every name of the knowledge base in a sentence: actors (by name, alias, demonym, capital or
 * government body) and incidents, longest match first, with the preposition that governs each.
 */
export function findMentions(tokens: readonly Token[], lex: Lexicon): Mention[] {
  const words = tokens.map((t) => t.norm);
  const out: Mention[] = [];
  const ok = (first: number, e: LexEntry): boolean => {
    const t = tokens[first] as Token;
    if (!t.word) return false;
    if (e.caseRule === 'exact') return t.caps || (t.text.length === 1 && t.cap);
    if (e.caseRule === 'cap') return t.cap || t.caps;
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.word) continue;
    const hit = lex.longest(words, i, ok);
    let body = HEADS.has(t.norm) ? matchBody(tokens, i, lex) : undefined;
    // A name of the knowledge base that starts inside the body's words and runs past them wins:
    // "service de renseignement militaire néerlandais" is the MIVD, not "service de renseignement".
    if (body) {
      for (let k = i + 1; k < body.end; k++) {
        const inner = lex.longest(words, k, ok);
        if (inner && inner.end > body.end) {
          body = undefined;
          break;
        }
      }
    }
    if (body && (!hit || body.end > hit.end)) {
      while (out.length > 0 && (out[out.length - 1] as Mention).end > body.start) out.pop();
      out.push({
        id: body.id,
        incident: false,
        kind: 'body',
        start: body.start,
        end: body.end,
        role: 'actor',
        alternatives: body.alternatives,
      });
      if (body.country && body.country !== body.id)
        out.push({
          id: body.country,
          incident: false,
          kind: 'name',
          start: body.start,
          end: body.end,
          role: 'actor',
          implied: true,
        });
      i = body.end - 1;
      continue;
    }
    if (!hit) continue;
    // A short name made by dropping a state's words ("Treasury") yields to a real name of the same words.
    const actorEntries = hit.entries.filter((e) => !e.incident);
    const real = actorEntries.filter((e) => e.kind !== 'derived');
    const actorIds = [...new Set((real.length > 0 ? real : actorEntries).map((e) => e.id))];
    const incidentIds = [...new Set(hit.entries.filter((e) => e.incident).map((e) => e.id))];
    for (const id of incidentIds)
      out.push({ id, incident: true, kind: 'incident', start: i, end: hit.end, role: 'actor' });
    if (incidentIds.length > 0 && actorIds.length === 0) {
      // An incident's name may hold an actor's ("visioconférence des ministres de la Défense de l'UE"): read it too.
      for (const inner of findMentions(tokens.slice(i + 1, hit.end), lex)) {
        if (inner.incident) continue;
        out.push({ ...inner, start: inner.start + i + 1, end: inner.end + i + 1 });
      }
    }
    if (actorIds.length > 0) {
      const entry = (real[0] ?? actorEntries[0]) as LexEntry;
      const m: Mention = {
        id: actorIds[0] as string,
        incident: false,
        kind: entry.kind,
        start: i,
        end: hit.end,
        role: 'actor',
      };
      if (actorIds.length > 1) m.alternatives = actorIds.slice(1);
      if (!looksLikePersonName(tokens, m, lex)) {
        out.push(m);
        // "Russian Foreign Ministry", "département d'État américain": the body's own name says its state.
        const country = lex.actors.get(m.id)?.country;
        if (country && country !== m.id && lex.actors.get(m.id)?.kind === 'organisation') {
          for (let k = i; k < hit.end; k++) {
            if (lex.stateOfWord((tokens[k] as Token).norm) === country) {
              out.push({
                id: country,
                incident: false,
                kind: 'name',
                start: i,
                end: hit.end,
                role: 'actor',
                implied: true,
              });
              break;
            }
          }
        }
      }
    }
    i = hit.end - 1;
  }
  for (const m of out) {
    if (m.incident) continue;
    m.prep = prepositionOf(tokens, m.start);
    if (m.kind === 'demonym') m.role = demonymRole(tokens, m);
  }
  return out;
}

/** "Maurice Dupont", "Jordan Smith": a one-word state name followed by a capitalised word is a person. */
function looksLikePersonName(tokens: readonly Token[], m: Mention, lex: Lexicon): boolean {
  if (m.end - m.start !== 1 || (m.kind !== 'name' && m.kind !== 'alias')) return false;
  if (lex.actors.get(m.id)?.kind !== 'state') return false;
  const next = tokens[m.end];
  if (!next || !next.word || !next.cap || next.caps) return false;
  return lex.longest([next.norm], 0, () => true) === undefined;
}

function prepositionOf(tokens: readonly Token[], start: number): Prep | undefined {
  let k = start - 1;
  // Articles, numbers and a generic noun may sit between a preposition and the name: "au groupe APT28".
  while (
    k >= 0 &&
    tokens[k]?.word &&
    !isGraveA(tokens[k] as Token) &&
    (DETERMINERS.has((tokens[k] as Token).norm) ||
      /^\d+$/.test((tokens[k] as Token).norm) ||
      GENERIC_HEADS.has((tokens[k] as Token).norm))
  )
    k--;
  let t = tokens[k];
  if (!t || !t.word) return undefined;
  // "contre des Russes", "avec des pirates": "des" after a preposition is an article, not "de les".
  if (
    t.norm === 'des' &&
    tokens[k - 1]?.word &&
    PREPS.has((tokens[k - 1] as Token).norm) &&
    (tokens[k - 1] as Token).norm !== 'de'
  ) {
    k--;
    t = tokens[k] as Token;
  }
  // "Selon des responsables américains", "according to US officials": the source of a claim.
  for (let j = k, seen = 0; j >= 0 && seen < 4; j--, seen++) {
    const w = tokens[j] as Token;
    if (!w.word) break;
    if (
      w.norm === 'selon' ||
      (w.norm === 'to' && tokens[j - 1]?.norm === 'according') ||
      (w.norm === 'pres' && tokens[j - 1]?.norm === "d'")
    )
      return 'selon';
    if (!(
      DETERMINERS.has(w.norm) ||
      GOVERNMENT_NOUNS.has(w.norm) ||
      w.norm === 'des' ||
      w.norm === 'de' ||
      w.norm === 'of' ||
      SOURCE_NOUNS.has(w.norm)
    ))
      break;
  }
  if (t.norm === 'to' && tokens[k - 1]?.norm === 'linked') return 'avec';
  if (t.norm === 'to' && /^(tied|linked|connected)$/.test(tokens[k - 1]?.norm ?? '')) return 'avec';
  if (
    (isGraveA(t) || t.norm === 'au' || t.norm === 'aux') &&
    /^(liee?s?|rattachee?s?|affiliee?s?)$/.test(tokens[k - 1]?.norm ?? '')
  )
    return 'avec';
  // "pour l'UE, ..." at the start of a sentence is "according to"; elsewhere "pour" is "for".
  if (t.norm === 'pour') return k === 0 ? 'selon' : undefined;
  // Unaccented "a" is the French verb avoir ("Pyongyang a démenti") or the English article.
  if (t.norm === 'a' && !isGraveA(t)) return undefined;
  return PREPS.get(t.norm);
}

function isGraveA(t: Token): boolean {
  return t.text === 'à' || t.text === 'À';
}

function demonymRole(tokens: readonly Token[], m: Mention): Mention['role'] {
  const first = tokens[m.start] as Token;
  const next = tokens[m.end];
  const prev = tokens[m.start - 1];
  // English: "the Chinese government", "Russian officials", "Albanian Prime Minister Edi Rama".
  for (let k = m.end; k < Math.min(tokens.length, m.end + 2); k++) {
    const t = tokens[k] as Token;
    if (!t.word) break;
    if (GOVERNMENT_NOUNS.has(t.norm)) return 'actor';
  }
  // French: "le gouvernement norvégien", "le secrétaire d'État américain", "la ministre néerlandaise".
  for (let k = m.start - 1, seen = 0; k >= 0 && seen < 3; k--) {
    const t = tokens[k] as Token;
    if (!t.word) break;
    seen++;
    if (GOVERNMENT_NOUNS.has(t.norm)) return 'actor';
  }
  // "L'Espagnol Josep Borrell", "Chinese national Xu Zewei": a demonym right before a person's name.
  if (next?.word && next.cap && !next.caps && first.cap) {
    const after = tokens[m.end + 1];
    if (after?.word && after.cap) return 'nationality';
  }
  // A people as a noun: "les Américains", "quatre Chinois", "the Russians".
  if (first.cap && prev?.word && COUNTED.test(prev.norm)) return 'actor';
  if (first.cap && /s$/.test(first.norm) && !next?.word) return 'actor';
  return 'affiliation';
}

/**
 * A government body whose name the text shortens or reorders: "le ministère chinois de la
 * Sécurité", "the Chinese Ministry of State Security". Head noun, state and content words must
 * fit exactly one body of the knowledge base.
 */
function matchBody(
  tokens: readonly Token[],
  head: number,
  lex: Lexicon,
): { id: string; start: number; end: number; alternatives?: string[]; country?: string } | undefined {
  const { list, words: vocab } = lex.bodies;
  const headClass = HEADS.get((tokens[head] as Token).norm);
  let country: string | undefined;
  let start = head;
  const content: string[] = [];
  // English puts the state and the qualifiers first: "China's Ministry", "the Russian foreign ministry".
  for (let k = head - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
    const t = tokens[k] as Token;
    if (!t.word) break;
    if (t.norm === "'s") continue;
    const c = lex.stateOfWord(t.norm);
    if (c && !vocab.has(t.norm)) {
      country = c;
      start = k;
      break;
    }
    if (!vocab.has(t.norm) || BODY_STOP.has(t.norm)) break;
    content.push(t.norm);
    start = k;
  }
  let end = head + 1;
  for (let j = head + 1; j < tokens.length && j < head + 9; j++) {
    const t = tokens[j] as Token;
    if (!t.word) break;
    if (BODY_STOP.has(t.norm)) continue;
    const c = lex.stateOfWord(t.norm);
    if (c && !vocab.has(t.norm)) {
      if (country && country !== c) break;
      country = c;
      end = j + 1;
      continue;
    }
    if (!vocab.has(t.norm)) break;
    content.push(t.norm);
    end = j + 1;
  }
  if (content.length === 0) return undefined;
  const fits = list.filter(
    (s) => s.head === headClass && (!country || s.country === country) && content.every((w) => s.content.includes(w)),
  );
  const ids = [...new Set(fits.map((s) => s.id))];
  if (ids.length === 0) return undefined;
  // Prefer the bodies whose names use exactly these content words.
  const exact = [...new Set(fits.filter((s) => s.content.length === content.length).map((s) => s.id))];
  const ranked = exact.length > 0 ? [...exact, ...ids.filter((id) => !exact.includes(id))] : ids;
  return {
    id: ranked[0] as string,
    start,
    end,
    alternatives: ranked.length > 1 ? ranked.slice(1) : undefined,
    country,
  };
}
