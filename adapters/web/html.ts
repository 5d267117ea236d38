import { escape } from 'html-escaper';

/** Markup built by this module: the only kind of value `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | undefined | null | false | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escape(String(part));
}

/**
 * Tagged template for HTML and SVG: every interpolated string is escaped, so text from articles,
 * users or the knowledge base can never become markup; nested `html` values are kept as built.
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < parts.length; i++) out += render(parts[i] as Part) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Markup that is already safe (a constant of this code base, never data). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
