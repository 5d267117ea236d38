import { type Activity, type Attachment, CardFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/elements';
import { card, text } from '../cards/elements';
import { plain } from '../cards/plain-text';

export interface CardMessage {
  card: AdaptiveCard;
  summary: string;
}

export function cardAttachment(c: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(c);
}

/** A message carrying one card; `summary` is what notifications and chat lists show. */
export function cardActivity(m: CardMessage): Partial<Activity> {
  return { type: 'message', summary: m.summary, attachments: [cardAttachment(m.card)] };
}

/**
 * A short notice (confirmation, error, usage), also as a card: Teams renders message text as
 * markdown, and notices echo what users typed, which must stay inert.
 */
export function notice(lines: string[], title?: string): CardMessage {
  const body = [];
  if (title !== undefined) body.push(text(plain(title, 200), { weight: 'Bolder' }));
  for (const l of lines) body.push(text(plain(l, 1500)));
  const summary = plain(title ?? lines[0] ?? '', 200);
  return {
    card: card(
      body,
      [],
      [title, ...lines]
        .filter((x) => x !== undefined)
        .map((l) => plain(l, 1500))
        .join('\n'),
    ),
    summary,
  };
}
