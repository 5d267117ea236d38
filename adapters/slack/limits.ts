/**
 * Slack's documented Block Kit limits. Renderers fit their output inside them and say what was
 * left out; a message Slack would reject (`invalid_blocks`) is never sent.
 */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack truncates `text` beyond 40,000 characters; notifications show far less, so we keep it short. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/** Cuts plain text to `max` characters (with an ellipsis), never splitting a surrogate pair. */
export function fitPlain(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/**
 * Cuts escaped mrkdwn to `max` characters, never inside an entity (`&amp;`), a link (`<url|label>`)
 * or a surrogate pair, so the cut text is still valid markup.
 */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - ELLIPSIS.length;
  const openLink = text.lastIndexOf('<', cut);
  if (openLink >= 0 && text.indexOf('>', openLink) >= cut) cut = openLink;
  const amp = text.lastIndexOf('&', cut);
  if (amp >= 0 && amp > cut - 8) {
    const semi = text.indexOf(';', amp);
    if (semi >= cut) cut = amp;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  // An odd number of `*` or `_` left open would bold the ellipsis; it is harmless, so it is left alone.
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Packs lines into chunks of at most `max` characters each (joined by newlines), fitting any single
 * line that is longer than `max` on its own.
 */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = fitMrkdwn(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current = `${current}\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
