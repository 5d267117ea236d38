import { fold } from './tokens';

/**
 * Endings that are never words on their own in French or English: a lower-case fragment made of
 * one of them is the tail of a word split by a stray space ("informat ions", "attack ing").
 */
const TAILS = new Set(
  'ions tion tions sion sions ment ments ement ements iques ique ites ite eurs euse euses ance ances ence ences ible isme ismes istes iste ness ings ing ized ised ation ations ically'.split(
    ' ',
  ),
);
/** Short function words: two of these side by side are a phrase, never a split word. */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for and or as is it be de la le les l d un une des du au aux en et ou ne pas par sur dans que qui se sa son ses il elle on y est'.split(
    ' ',
  ),
);
const WORD = /\p{L}+/gu;

/**
 * Joins words broken by a stray space in scraped text ("Natha lie Loiseau", "leurs informat ions").
 * A pair is joined when the joined word is known (elsewhere in the same article, or in the
 * knowledge base's names) and one of the fragments is not a word used elsewhere in the article;
 * or, without any vocabulary, when the tail is an ending that never stands alone.
 */
export function repairBrokenWords(text: string, known?: ReadonlySet<string>): string {
  const words: { text: string; folded: string; start: number; end: number }[] = [];
  const counts = new Map<string, number>();
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0]);
    words.push({ text: m[0], folded, start: m.index as number, end: (m.index as number) + m[0].length });
    counts.set(folded, (counts.get(folded) ?? 0) + 1);
  }
  const cuts: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as (typeof words)[number];
    const b = words[i + 1] as (typeof words)[number];
    // Exactly one plain space between two words of two letters or more, the second in lower case.
    if (b.start !== a.end + 1 || text[a.end] !== ' ' || a.text.length < 2 || b.text.length < 2) continue;
    if (
      !/^\p{Ll}+$/u.test(b.text) ||
      /[\p{L}'’-]/u.test(text[b.end] ?? '') ||
      /[\p{L}-]/u.test(text[a.start - 1] ?? '')
    )
      continue;
    if (FUNCTION_WORDS.has(a.folded) || FUNCTION_WORDS.has(b.folded)) continue;
    // The pair itself counts once in each fragment's tally: "elsewhere" means more than that.
    const aElsewhere = (counts.get(a.folded) ?? 0) > 1;
    const bElsewhere = (counts.get(b.folded) ?? 0) > 1;
    const joined = a.folded + b.folded;
    const knownJoined = (counts.get(joined) ?? 0) > 0 || known?.has(joined) === true;
    if (
      (knownJoined && (!aElsewhere || !bElsewhere)) ||
      (TAILS.has(b.folded) && a.text.length >= 3 && !aElsewhere && !(known?.has(a.folded) ?? false))
    )
      cuts.push(a.end);
  }
  if (cuts.length === 0) return text;
  let out = '';
  let from = 0;
  for (const at of cuts) {
    out += text.slice(from, at);
    from = at + 1;
  }
  return out + text.slice(from);
}
