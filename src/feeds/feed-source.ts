import { createHash } from 'node:crypto';
import { z } from 'zod';

export const FeedKind = z.enum(['government', 'eu', 'cert', 'news', 'international', 'other']);
export type FeedKind = z.infer<typeof FeedKind>;

/** A followed feed: what operators add, list and remove. */
export const FeedSource = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  url: z.string().url(),
  title: z.string().default(''),
  language: z.string().min(2).max(3).optional(),
  kind: FeedKind.default('other'),
  /** `starter` feeds come from briefs/feeds.yaml; `added` ones from `sources add`. */
  origin: z.enum(['starter', 'added']),
  addedAt: z.string().datetime({ offset: true }),
});
export type FeedSource = z.infer<typeof FeedSource>;

export const PollStatus = z.enum(['new', 'not_modified', 'refused', 'failed']);
export type PollStatus = z.infer<typeof PollStatus>;

/** What polling learned about a feed; kept apart from the feed itself so a poll never undoes a `remove`. */
export const FeedState = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastPolledAt: z.string().optional(),
  lastOkAt: z.string().optional(),
  lastStatus: PollStatus.optional(),
  lastReason: z.string().optional(),
  lastNewItems: z.number().int().nonnegative().optional(),
  /** Failed or refused polls in a row; drives the back-off. */
  failures: z.number().int().nonnegative().default(0),
  /** Scheduled polls leave the feed alone until then. */
  nextPollAt: z.string().optional(),
  /** Hashes of the item keys already handled, newest first, capped. */
  seen: z.array(z.string()).default([]),
});
export type FeedState = z.infer<typeof FeedState>;

export const EMPTY_STATE: FeedState = { failures: 0, seen: [] };

/** Short stable hash of an item key: enough to tell items apart, small enough to keep thousands. */
export function itemHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

/** Domain labels that say nothing about the publisher. */
const GENERIC_LABELS = new Set([
  'com',
  'org',
  'net',
  'gov',
  'gouv',
  'fr',
  'uk',
  'eu',
  'int',
  'co',
  'be',
  'de',
  'us',
  'info',
]);

/** A readable id from a URL: host without www, then the last meaningful path words. */
export function feedIdFromUrl(url: string): string {
  const u = new URL(url);
  const host = u.hostname
    .split('.')
    .filter((label, i, all) => !(i === 0 && label === 'www') && !(i > 0 && GENERIC_LABELS.has(label) && all.length > 1))
    .join('-');
  const path = u.pathname
    .split('/')
    .filter((p) => p !== '' && !/^(feed|feeds|rss|atom|index|xml)(\.\w+)?$/i.test(p))
    .slice(-2)
    .join('-');
  const slug = `${host}-${path}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.\w+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || `feed-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}
