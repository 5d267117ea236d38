import { fold } from './tokens';

/**
 * Endings that are never words on their own in French or English: a lower-case fragment made of
 * one of them is the tail of a word split by a stray space ("informat ions", "attack ing").
 */
const TAILS = new Set(
  'ions tion tions sion sions ment ments ement ements iques ique ites ite eurs euse euses ance ances ence ences ible isme ismes istes iste ness ings ing ized ised ation ations ically'.split(' '),
);
/** Short function words: two of these side by side are a phrase, never a split word. */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for and or as is it be de la le les l d un une des du au aux en et ou ne pas par sur dans que qui se sa son ses il elle on y a est'.split(' '),
);

/**
 * Joins words broken by a stray space in scraped text ("Natha lie Loiseau", "leurs informat ions").
 * A pair is joined when the joined word is known (elsewhere in the same article, or in the
 * knowledge base's names) and one of the fragments is not a word used elsewhere in the article;
 * or, without any vocabulary, when the tail is an ending that never stands alone.
 */
export function repairBrokenWords(text: string, known?: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const k = fold(m[0]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // The tail is a lookahead so that every adjacent pair is tried, not every other one.
  return text.replace(/(?<![\p{L}-])(\p{L}{2,}) (?=(\p{Ll}{2,})(?![\p{L}'’-]))/gu, (whole, a: string, b: string) => {
    const fa = fold(a);
    const fb = fold(b);
    if (FUNCTION_WORDS.has(fa) || FUNCTION_WORDS.has(fb)) return whole;
    const joined = fa + fb;
    // The pair itself counts once in each fragment's tally: "elsewhere" means more than that.
    const aElsewhere = (counts.get(fa) ?? 0) > 1;
    const bElsewhere = (counts.get(fb) ?? 0) > 1;
    const knownJoined = (counts.get(joined) ?? 0) > 0 || known?.has(joined) === true;
    if (knownJoined && (!aElsewhere || !bElsewhere)) return a;
    if (TAILS.has(fb) && a.length >= 3 && !aElsewhere && !(known?.has(fa) ?? false)) return a;
    return whole;
  });
}
