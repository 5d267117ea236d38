/**
 * Adaptive Card JSON (schema 1.5, what Teams renders), built as plain objects. Builders take
 * text that is already neutralised with `plain()`; they never see raw content.
 */
export type CardElement = { type: string } & Record<string, unknown>;
export type CardAction = { type: string; title: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  fallbackText?: string;
  /** Teams: use the full message width, which long briefs need on desktop. */
  msteams?: { width: 'Full' };
}

export const SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function card(body: CardElement[], actions: CardAction[] = [], fallbackText?: string): AdaptiveCard {
  const c: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: SCHEMA_URL,
    version: '1.5',
    body,
    msteams: { width: 'Full' },
  };
  if (actions.length > 0) c.actions = actions;
  if (fallbackText !== undefined) c.fallbackText = fallbackText;
  return c;
}

/** A card shown by a ShowCard action: no schema or fallback of its own. */
export function subCard(body: CardElement[], actions: CardAction[] = []): Record<string, unknown> {
  const c: Record<string, unknown> = { type: 'AdaptiveCard', body };
  if (actions.length > 0) c.actions = actions;
  return c;
}

type TextOptions = {
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  separator?: boolean;
  maxLines?: number;
};

export function text(value: string, opts: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...opts };
}

export function heading(value: string): CardElement {
  return text(value, { weight: 'Bolder', spacing: 'Medium', separator: true });
}

export function factSet(facts: { title: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts };
}

export function container(items: CardElement[], extra: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...extra };
}

export function showCard(title: string, body: CardElement[]): CardAction {
  return { type: 'Action.ShowCard', title, card: subCard(body) };
}

export function openUrl(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * A button that sends `textToSend` back to the bot as if typed (Teams `messageBack`): works in
 * personal chats, group chats and channels alike; `value` tells the bot exactly what was chosen.
 */
export function messageBack(title: string, textToSend: string, value: Record<string, unknown>): CardAction {
  return {
    type: 'Action.Submit',
    title,
    data: { msteams: { type: 'messageBack', text: textToSend, displayText: textToSend }, cyberbrief: value },
  };
}

/** Only absolute http(s) URLs become links; anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A clickable row: the whole container opens the URL (Teams keeps one action per row). */
export function linkRow(title: string, detail: string, url: string | undefined): CardElement {
  const items = [
    text(title, { color: url ? 'Accent' : 'Default', spacing: 'Small' }),
    text(detail, { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  const link = safeUrl(url);
  return link ? container(items, { selectAction: { type: 'Action.OpenUrl', title, url: link } }) : container(items);
}

export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** The first `keep` items split between the start and the end, and how many were left out between. */
export function headTail<T>(items: T[], keep: number): { head: T[]; tail: T[]; omitted: number } {
  if (items.length <= keep) return { head: items, tail: [], omitted: 0 };
  const headCount = Math.max(1, Math.ceil(keep / 3));
  const tailCount = Math.max(0, keep - headCount);
  return {
    head: items.slice(0, headCount),
    tail: tailCount > 0 ? items.slice(items.length - tailCount) : [],
    omitted: items.length - headCount - tailCount,
  };
}
