/**
 * Teams renders TextBlock and FactSet text as a markdown subset (bold, italics, lists, links) and
 * turns bare URLs into links. Article text must stay inert: these look-alike characters keep it
 * readable while no markdown, link or mention can form. Applied to every piece of content.
 */
const LOOKALIKE: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\uFF3F', // ＿ fullwidth low line
  '`': '\u02CB', // ˋ modifier grave
  '~': '\u223C', // ∼ tilde operator
  '[': '\uFF3B', // ［
  ']': '\uFF3D', // ］
  '<': '\uFF1C', // ＜
  '>': '\uFF1E', // ＞
  '|': '\u2223', // ∣ divides
  '\\': '\u29F5', // ⧵ reverse solidus operator
};
const MARKDOWN_CHARS = /[*_`~[\]<>|\\]/g;

/** Scheme URLs, `www.` hosts and bare domain names (`example.org/path`). */
const URLISH = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b(?:\/\S*)?)/gi;

/** Line-start syntax (headings, lists, quotes) that could still apply to a block's first word. */
const LEADING_SYNTAX = /^(?:#|[-+=]\s|\d{1,9}[.)]\s)/;

const ELLIPSIS = '\u2026';

// eslint-disable-next-line no-control-regex -- removing control characters from content is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Cheap first looks: most sentences need none of the rewriting below (cards hold dozens of them). */
// eslint-disable-next-line no-control-regex -- see INVISIBLE
const MAY_NEED_SPACING = /[^\S ]| {2}|[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const MAY_NEED_NEUTRALISING = /[*_`~[\]<>|\\&]|[a-z0-9-]\.[a-z]|:\/\//i;

/** Content text, safe for a TextBlock or a FactSet: one line, inert, at most `max` characters. */
export function plain(text: string, max = 2000): string {
  let t = MAY_NEED_SPACING.test(text)
    ? text
        .replace(INVISIBLE, '')
        .replace(/[^\S\u00a0\u202f]+/g, ' ')
        .trim()
    : text.trim();
  if (MAY_NEED_NEUTRALISING.test(t)) {
    t = t.replace(URLISH, (u) =>
      u.replace(/\./g, '\u2024').replace(/\//g, '\u2215').replace(/:/g, '\uA789').replace(/@/g, '\uFF20'),
    );
    t = t.replace(MARKDOWN_CHARS, (c) => LOOKALIKE[c] ?? c);
    // Entities such as &lt;at&gt; would be decoded by some renderers; an inert ampersand keeps them text.
    t = t.replace(/&(?=#?\w+;)/g, '\uFF06');
  }
  if (LEADING_SYNTAX.test(t)) t = `\u2060${t}`;
  return t.length <= max ? t : truncate(t, max);
}

/** Cuts at a word boundary when one is near, never inside a surrogate pair, and marks the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length * 0.7 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.]+$/u, '')}${ELLIPSIS}`;
}
