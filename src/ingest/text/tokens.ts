/** One word or punctuation mark of a sentence, with its folded form for matching. */
export interface Token {
  text: string;
  /** Lower case, accents and ligatures folded, typographic apostrophe made straight: "d’État" -> "d'etat". */
  norm: string;
  start: number;
  end: number;
  word: boolean;
  /** First letter upper case ("Pékin", "UE"). */
  cap: boolean;
  /** Every letter upper case, at least two of them ("UE", "NATO", "U.S."). */
  caps: boolean;
  /** A French elided word ("l'", "d'", "qu'", "n'"), or English "'s" / "n't". */
  clitic: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*['’]?|\S/gu;
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]/i;
const POSSESSIVE = /^(.+?)(['’]s)$/i;
const NEGATED = /^(.+?)(n['’]t)$/i;
const DASH = /^[-‐‑‒–—]$/;

const folded = new Map<string, string>();
/** Bounded so a long run of articles never grows memory: the cache is rebuilt when full. */
const FOLD_CACHE_MAX = 50_000;

const PLAIN = /^[a-z0-9]*$/;

export function fold(s: string): string {
  // Most words of English and many of French need no folding at all.
  if (PLAIN.test(s)) return s;
  let f = folded.get(s);
  if (f !== undefined) return f;
  f = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
  if (folded.size >= FOLD_CACHE_MAX) folded.clear();
  folded.set(s, f);
  return f;
}

/**
 * Splits a sentence into words and punctuation. French elisions become their own token
 * ("l'UE" -> "l'", "UE"), as do English "'s" and "n't"; hyphens inside words are dropped
 * ("États-Unis" -> "États", "Unis"), so the knowledge base's names match however they are hyphenated.
 */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(sentence)) !== null) {
    let text = m[0];
    let start = m.index;
    if (text.length === 1 && DASH.test(text)) {
      const before = sentence[start - 1];
      const after = sentence[start + 1];
      if (before && after && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) continue;
    }
    if (/[\p{L}\p{N}]/u.test(text)) {
      for (;;) {
        const el = ELISION.exec(text);
        if (!el || el[0].length === text.length) break;
        out.push(word(el[0], start));
        start += el[0].length;
        text = text.slice(el[0].length);
      }
      const trailing = /['’]$/.test(text) && text.length > 1;
      if (trailing) text = text.slice(0, -1);
      const pos = POSSESSIVE.exec(text) ?? NEGATED.exec(text);
      if (pos && pos[1] && pos[2] && !/^(aujourd|prud|presqu)/i.test(text)) {
        out.push(word(pos[1], start));
        out.push(word(pos[2], start + pos[1].length, true));
      } else {
        out.push(word(text, start));
      }
      if (trailing) out.push(punct("'", start + text.length));
    } else {
      out.push(punct(text, start));
    }
  }
  return out;
}

function word(text: string, start: number, clitic = false): Token {
  const last = text.charCodeAt(text.length - 1);
  const isElision = last === 39 || last === 8217;
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const first = text.charAt(0);
  // "U.S.", "U.N.": initials compare without their full stops.
  const initials = last === 46 && text.length > 2 && /^(\p{Lu}\.)+$/u.test(text);
  return {
    text,
    norm: initials ? fold(text.replace(/\./g, '')) : fold(text),
    start,
    end: start + text.length,
    word: true,
    cap: first !== first.toLowerCase(),
    // Every letter upper case, at least two letters: digits and marks do not count either way.
    caps: text === upper && text !== lower && countLetters(text) >= 2,
    clitic: clitic || isElision,
  };
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

function punct(text: string, start: number): Token {
  return {
    text,
    norm: text === '’' ? "'" : text,
    start,
    end: start + text.length,
    word: false,
    cap: false,
    caps: false,
    clitic: false,
  };
}

/** Tokens of a name from the knowledge base, as the matcher will compare them. */
export function nameTokens(name: string): string[] {
  return tokenize(name)
    .filter((t) => t.word)
    .map((t) => t.norm);
}
