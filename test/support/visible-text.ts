/**
 * What a reader sees of a message, line by line, counted the way a person reads it: Slack mrkdwn
 * without its markers (a link as its label, `&amp;` as one character), Teams cards without
 * hidden elements or the contents of Action.ShowCard. Written apart from the renderers on purpose.
 */
type Obj = Record<string, unknown>;

/** Slack mrkdwn as displayed: `<url|label>` is its label, `*x*` and `_x_` lose their markers. */
export function mrkdwnVisible(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_~]+(?=\S)/gm, '$1')
    .replace(/(\S)[*_~]+(?=$|[\s).,;:!?])/gm, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(t: unknown): string {
  if (!t || typeof t !== 'object') return '';
  const o = t as Obj;
  const s = typeof o.text === 'string' ? o.text : '';
  return o.type === 'mrkdwn' ? mrkdwnVisible(s) : s;
}

/** Every visible text of a Block Kit message: header, sections, fields, context, button labels. */
export function slackVisibleLines(msg: { blocks?: unknown }): string[] {
  const out: string[] = [];
  for (const b of (msg.blocks ?? []) as Obj[]) {
    switch (b.type) {
      case 'header':
        out.push(textOf(b.text));
        break;
      case 'section':
        if (b.text) out.push(...textOf(b.text).split('\n'));
        for (const f of (b.fields as Obj[] | undefined) ?? []) out.push(...textOf(f).split('\n'));
        if (b.accessory && typeof b.accessory === 'object') out.push(textOf((b.accessory as Obj).text));
        break;
      case 'context':
        for (const e of (b.elements as Obj[]) ?? []) out.push(...textOf(e).split('\n'));
        break;
      case 'actions':
        for (const e of (b.elements as Obj[]) ?? []) out.push(textOf(e.text));
        break;
      default:
        break;
    }
  }
  return out.filter((l) => l.trim() !== '');
}

/** Teams: markdown in TextBlocks shows without `**`; a link `[label](url)` shows its label. */
function cardMarkdown(s: string): string {
  return s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*/g, '');
}

function elementLines(el: Obj, out: string[]): void {
  if (el.isVisible === false) return;
  switch (el.type) {
    case 'TextBlock':
      out.push(...cardMarkdown(String(el.text ?? '')).split('\n'));
      break;
    case 'RichTextBlock':
      out.push(((el.inlines as Obj[]) ?? []).map((i) => String(i.text ?? '')).join(''));
      break;
    case 'FactSet':
      for (const f of (el.facts as Obj[]) ?? [])
        out.push(`${String(f.title ?? '')} ${cardMarkdown(String(f.value ?? ''))}`);
      break;
    case 'Container':
      for (const i of (el.items as Obj[]) ?? []) elementLines(i, out);
      break;
    case 'ColumnSet':
      for (const c of (el.columns as Obj[]) ?? [])
        if (c.isVisible !== false) for (const i of (c.items as Obj[]) ?? []) elementLines(i, out);
      break;
    case 'ActionSet':
      for (const a of (el.actions as Obj[]) ?? []) out.push(String(a.title ?? ''));
      break;
    default:
      break;
  }
}

/** Every visible text of an Adaptive Card: body and action titles, not ShowCard contents or hidden parts. */
export function teamsVisibleLines(card: Obj): string[] {
  const out: string[] = [];
  for (const el of (card.body as Obj[]) ?? []) elementLines(el, out);
  for (const a of (card.actions as Obj[]) ?? []) out.push(String(a.title ?? ''));
  return out.filter((l) => l.trim() !== '');
}

export const visibleChars = (lines: string[]): number => lines.reduce((n, l) => n + [...l].length, 0);
