import type * as AdaptiveCards from 'adaptivecards';
import { MAX_CARD_BYTES } from '../../../adapters/teams/cards/budget';

// The package's main entry needs a DOM; its UMD bundle parses and validates without one.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Card JSON and recorded payloads, read loosely by assertions (a wrong path fails the assertion). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Every problem the Adaptive Cards library reports for a card, at parse and at validation. */
export function cardProblems(json: unknown): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json as object, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

export function cardSize(json: unknown): number {
  return Buffer.byteLength(JSON.stringify(json), 'utf8');
}

/** Asserts a card is valid schema 1.5 for the library and within the size Teams accepts. */
export function expectGoodCard(json: unknown): void {
  expect(cardProblems(json)).toEqual([]);
  expect((json as { version?: string }).version).toBe('1.5');
  expect(cardSize(json)).toBeLessThanOrEqual(MAX_CARD_BYTES);
}

/** The adaptive cards of a recorded activity. */
export function cardsOf(activity: { attachments?: { contentType: string; content: unknown }[] }): Json[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

/** Every text a user can read in a card (TextBlocks, facts, titles, fallback), for content checks. */
export function visibleTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) visibleTexts(n, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (typeof v === 'string' && ['text', 'title', 'value', 'fallbackText', 'displayText'].includes(k)) out.push(v);
      else if (typeof v === 'object') visibleTexts(v, out);
    }
  }
  return out;
}
