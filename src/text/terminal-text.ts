/**
 * Text from users and articles (file names, option values, titles, evidence) reaches a terminal:
 * an escape sequence in it could retitle the window, clear the screen or forge lines, and a bidi
 * override could make a line read other than it is. Every CLI message and rendered line goes
 * through here; colours are added by the renderer after, never taken from the text.
 */
// C0 controls but tab and newline, DEL, C1 controls, and the Unicode bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters removed; tabs and newlines kept (multi-line text stays multi-line). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** For one field on one line (a file name, an option value): newlines and tabs become spaces too. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/[\t\n]/g, ' ');
}
