import type { Token } from '../text/tokens';
import { fold } from '../text/tokens';
import { TRIGGERS, type TriggerSpec } from './trigger-table';

interface Alt {
  word: string;
  prefix: boolean;
  accented: boolean;
}
interface Part {
  alts: Alt[];
  /** Words allowed between the previous part and this one. */
  gap: number;
}
interface Compiled {
  spec: TriggerSpec;
  parts: Part[];
  order: number;
}

export interface TriggerHit {
  spec: TriggerSpec;
  /** Token span [start, end) from the first to the last matched part. */
  start: number;
  end: number;
  /** End of the first part: in "convoque l'ambassadeur de Chine" the parties sit inside the span. */
  head: number;
}

/** Punctuation a gap may cross ("convoquer, lundi, l'ambassadeur", "une «boîte à outils»"). */
const SOFT = new Set([',', '«', '»', '"', '“', '”', '(', ')', '-', '–', '—', "'"]);

class TriggerIndex {
  private readonly exact = new Map<string, Compiled[]>();
  private readonly prefixes = new Map<number, Map<string, Compiled[]>>();
  /** First two letters of every first word: most tokens are ruled out by one lookup. */
  private readonly starts = new Set<string>();

  constructor(specs: TriggerSpec[]) {
    specs.forEach((spec, order) => {
      const parts = compile(spec.pattern);
      const c: Compiled = { spec, parts, order };
      for (const alt of (parts[0] as Part).alts) {
        this.starts.add(fold(alt.word).slice(0, 2));
        if (alt.prefix) {
          const byLen = this.prefixes.get(alt.word.length) ?? new Map<string, Compiled[]>();
          byLen.set(alt.word, [...(byLen.get(alt.word) ?? []), c]);
          this.prefixes.set(alt.word.length, byLen);
        } else {
          this.exact.set(alt.word, [...(this.exact.get(alt.word) ?? []), c]);
        }
      }
    });
  }

  candidates(t: Token): Compiled[] {
    if (!this.starts.has(t.norm.slice(0, 2))) return [];
    const out: Compiled[] = [];
    const e = this.exact.get(t.norm);
    if (e) out.push(...e);
    for (const [len, map] of this.prefixes) {
      if (t.norm.length < len) continue;
      const p = map.get(t.norm.slice(0, len));
      if (p) out.push(...p);
    }
    return out;
  }
}

function compile(pattern: string): Part[] {
  const parts: Part[] = [];
  let gap = 0;
  for (const piece of pattern.split(/\s+/)) {
    const g = /^~(\d+)$/.exec(piece);
    if (g) {
      gap = Number(g[1]);
      continue;
    }
    const alts = piece.split('|').map((w) => {
      const accented = w.startsWith('=');
      const raw = accented ? w.slice(1) : w;
      const prefix = raw.endsWith('*');
      const word = prefix ? raw.slice(0, -1) : raw;
      return { word: accented ? word.toLowerCase() : fold(word), prefix, accented };
    });
    parts.push({ alts, gap });
    gap = 0;
  }
  return parts;
}

const indexes = new Map<string, TriggerIndex>();
function indexFor(lang: 'en' | 'fr'): TriggerIndex {
  let idx = indexes.get(lang);
  if (!idx) {
    idx = new TriggerIndex(TRIGGERS[lang]);
    indexes.set(lang, idx);
  }
  return idx;
}

function matches(alt: Alt, t: Token): boolean {
  if (!t.word) return false;
  const s = alt.accented ? t.text.toLowerCase().replace(/’/g, "'") : t.norm;
  return alt.prefix ? s.startsWith(alt.word) : s === alt.word;
}

function matchAt(c: Compiled, tokens: readonly Token[], i: number): number {
  if (!(c.parts[0] as Part).alts.some((a) => matches(a, tokens[i] as Token))) return -1;
  let pos = i;
  for (let p = 1; p < c.parts.length; p++) {
    const part = c.parts[p] as Part;
    let found = -1;
    let words = 0;
    for (let k = pos + 1; k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (!t.word && !SOFT.has(t.text)) break;
      if (t.word && part.alts.some((a) => matches(a, t))) {
        found = k;
        break;
      }
      if (t.word && ++words > part.gap) break;
    }
    if (found < 0) return -1;
    pos = found;
  }
  return pos + 1;
}

/**
 * The words of a sentence that report a diplomatic act or an attack, longest reading first: a
 * token already inside a trigger starts no other ("rejette les accusations" is a denial, not an
 * accusation; "denial of service" is an attack, not a denial).
 */
export function findTriggers(tokens: readonly Token[], lang: 'en' | 'fr'): TriggerHit[] {
  const idx = indexFor(lang);
  const hits: TriggerHit[] = [];
  let covered = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.word || i < covered) continue;
    let best: { c: Compiled; end: number } | undefined;
    for (const c of idx.candidates(t)) {
      const end = matchAt(c, tokens, i);
      if (end < 0) continue;
      if (!best || end > best.end || (end === best.end && c.order < best.c.order)) best = { c, end };
    }
    if (best) {
      hits.push({ spec: best.c.spec, start: i, end: best.end, head: i + 1 });
      covered = best.end;
    }
  }
  return hits;
}
