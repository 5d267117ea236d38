import { type AdaptiveCard, cardBytes } from './elements';

/**
 * Teams refuses a message over about 28 KB, envelope included. A card's JSON stays under this,
 * which leaves room for the activity around it (ids, service URL, channel data).
 */
export const MAX_CARD_BYTES = 24_000;

/** How much of each list and text a card shows; each level is tried in turn until the card fits. */
export interface Budget {
  summary: number;
  facts: number;
  factText: number;
  timeline: number;
  sources: number;
  names: number;
  incidents: number;
}

export const BUDGETS: readonly Budget[] = [
  { summary: 1500, facts: 12, factText: 400, timeline: 40, sources: 30, names: 10, incidents: 30 },
  { summary: 1000, facts: 8, factText: 280, timeline: 24, sources: 16, names: 8, incidents: 16 },
  { summary: 700, facts: 5, factText: 200, timeline: 12, sources: 8, names: 5, incidents: 8 },
  { summary: 400, facts: 3, factText: 140, timeline: 6, sources: 4, names: 4, incidents: 4 },
  { summary: 200, facts: 1, factText: 100, timeline: 2, sources: 2, names: 2, incidents: 2 },
];

/** The richest rendering that fits; the last level is small by construction (every text is capped). */
export function fitCard(build: (b: Budget) => AdaptiveCard, maxBytes = MAX_CARD_BYTES): AdaptiveCard {
  let last: AdaptiveCard | undefined;
  for (const b of BUDGETS) {
    last = build(b);
    if (cardBytes(last) <= maxBytes) return last;
  }
  return last as AdaptiveCard;
}
