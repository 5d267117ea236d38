import type { Logger } from '../log';
import type { ClaimStore } from '../store/claims';
import type { ArticleSink } from './article-sink';
import { nextAttempt } from './backoff';
import { decodeBody } from './decode-text';
import { type FeedSource, type FeedState, itemHash } from './feed-source';
import type { FeedSourceStore } from './feed-source-store';
import type { HostGate } from './host-gate';
import { type FeedItem, parseFeed } from './parse-feed';
import { readItem } from './read-item';
import type { RecentItems } from './recent-items';
import type { RelevanceModel } from './relevance';
import type { Fetcher } from './safe-fetch';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

export interface PollDeps {
  fetcher: Fetcher;
  gate: HostGate;
  store: FeedSourceStore;
  relevance: RelevanceModel;
  sink: ArticleSink;
  log: Logger;
  now: () => Date;
  /** When replicas share the store: one of them polls a given feed at a time. */
  claims?: { store: ClaimStore; owner: string; leaseMs?: number };
  /** Items published longer ago than this (default 14 days) are not news: they are read as backfill, or not at all. */
  maxItemAgeDays?: number;
  /**
   * Older items up to this age (default 365 days; 0: none) are read as backfill, so a newly followed
   * feed's back catalogue reaches lookups; digests never announce them. Older ones are remembered unread.
   */
  backfillDays?: number;
  /** Backfill items read per feed and poll (default 25); the rest wait, unseen, for the next polls. */
  backfillPerPoll?: number;
  /** New items of one feed read at once; the host gate still spaces requests to one server. */
  itemConcurrency?: number;
  /** Article URLs already read by this process from another feed: not read twice. */
  recent?: RecentItems;
}

export interface FeedPollResult {
  feed: FeedSource;
  /** `deferred`: backing off after failures; `busy`: another replica holds this feed's claim. */
  status: 'new' | 'not_modified' | 'refused' | 'failed' | 'deferred' | 'busy';
  reason?: string;
  newItems: number;
  /** Items judged relevant and handed to ingestion. */
  kept: number;
  /** Of `kept`, items older than the news window read as backfill (lookups only, never digests). */
  backfilled?: number;
  /** Back-catalogue items left for a later poll by the per-poll cap. */
  deferred?: number;
  /** New here, but the same article was already read from another feed. */
  repeated: number;
  irrelevant: number;
  developments: number;
  merged: number;
  /** Items that could not be read or ingested (each logged). */
  problems: number;
}

/**
 * One poll of one feed: conditional GET, parse, read each item not seen before, hand relevant
 * ones to ingestion, remember what was seen. A failure is recorded with its reason and pushes the
 * next scheduled attempt back; `force` (an operator's `sources poll`) ignores that back-off.
 */
export async function pollFeed(
  feed: FeedSource,
  deps: PollDeps,
  opts: { force?: boolean } = {},
): Promise<FeedPollResult> {
  const base: FeedPollResult = {
    feed,
    status: 'new',
    newItems: 0,
    kept: 0,
    repeated: 0,
    irrelevant: 0,
    developments: 0,
    merged: 0,
    problems: 0,
  };
  const claimKey = `feed-poll:${feed.id}`;
  if (
    deps.claims &&
    !(await deps.claims.store.acquire(claimKey, deps.claims.owner, deps.claims.leaseMs ?? 10 * 60_000))
  ) {
    return { ...base, status: 'busy', reason: 'being polled by another process' };
  }
  try {
    return await pollClaimed(feed, deps, base, opts.force === true);
  } finally {
    if (deps.claims) await deps.claims.store.release(claimKey, deps.claims.owner).catch(() => undefined);
  }
}

async function pollClaimed(
  feed: FeedSource,
  deps: PollDeps,
  base: FeedPollResult,
  force: boolean,
): Promise<FeedPollResult> {
  const state = await deps.store.state(feed.id);
  const now = deps.now();
  if (!force && state.nextPollAt && Date.parse(state.nextPollAt) > now.getTime()) {
    return {
      ...base,
      status: 'deferred',
      reason: `backing off after ${state.failures} failure(s) until ${state.nextPollAt}`,
    };
  }
  const res = await deps.gate.run(feed.url, () =>
    deps.fetcher.fetch(feed.url, { etag: state.etag, lastModified: state.lastModified, accept: FEED_ACCEPT }),
  );
  if (res.kind === 'refused' || res.kind === 'failed') {
    if (res.kind === 'failed' && res.retryAfterMs) deps.gate.pause(feed.url, res.retryAfterMs);
    return failed(feed, deps, state, base, res.kind, res.reason, res.kind === 'failed' ? res.retryAfterMs : undefined);
  }
  if (res.kind === 'not_modified') {
    await deps.store.saveState(feed.id, {
      ...state,
      etag: res.etag ?? state.etag,
      lastModified: res.lastModified ?? state.lastModified,
      ...ok(now, 'not_modified', 0),
    });
    deps.log.debug('feeds.feed_unchanged', { feed: feed.id });
    return { ...base, status: 'not_modified' };
  }
  const kind = /json/i.test(res.contentType) ? 'json' : 'xml';
  const parsed = parseFeed(decodeBody(res.body, res.contentType, kind).text, res.url);
  if (!parsed.ok) return failed(feed, deps, state, base, 'failed', parsed.error);

  const seen = new Set(state.seen);
  const fresh: { item: FeedItem; hash: string }[] = [];
  for (const item of parsed.feed.items) {
    const hash = itemHash(item.key);
    if (seen.has(hash)) continue;
    seen.add(hash);
    fresh.push({ item, hash });
  }
  const result: FeedPollResult = { ...base, newItems: fresh.length };
  // A feed added without a title is named by the feed itself, which then stands as the publisher.
  const named = feed.title ? feed : { ...feed, title: parsed.feed.title };
  const oldest = now.getTime() - (deps.maxItemAgeDays ?? 14) * 86_400_000;
  const backfillOldest = now.getTime() - (deps.backfillDays ?? 365) * 86_400_000;
  // Newest back-catalogue items first; those over the cap stay unseen, so the next poll reads them.
  const ageOf = (f: { item: FeedItem }) => (f.item.published ? Date.parse(f.item.published) : NaN);
  const backlog = fresh
    .filter((f) => ageOf(f) < oldest && ageOf(f) >= backfillOldest)
    .sort((a, b) => ageOf(b) - ageOf(a));
  const later = new Set(backlog.slice(deps.backfillPerPoll ?? 25));
  const backfill = new Set(backlog.filter((f) => !later.has(f)));
  result.deferred = later.size;
  const toRead = fresh.filter((f) => !later.has(f) && !(ageOf(f) < oldest && !backfill.has(f)));
  await eachLimit(toRead, deps.itemConcurrency ?? 4, async (entry) => {
    const { item } = entry;
    const isBackfill = backfill.has(entry);
    if (item.url && deps.recent?.claim(item.url, now.getTime())) {
      result.repeated += 1;
      return;
    }
    try {
      const reading = await readItem(named, item, deps);
      if (reading.kind === 'irrelevant') {
        result.irrelevant += 1;
        return;
      }
      if (reading.kind === 'unreadable') {
        result.problems += 1;
        deps.log.info('feeds.item_skipped', { feed: feed.id, url: item.url, reason: reading.reason });
        return;
      }
      result.kept += 1;
      if (isBackfill) result.backfilled = (result.backfilled ?? 0) + 1;
      const report = await deps.sink.ingest(isBackfill ? { ...reading.article, backfill: true } : reading.article);
      result.developments += report.developments;
      result.merged += report.merged;
    } catch (e) {
      // One bad item (or a store hiccup for it) must not cost the rest of the feed.
      result.problems += 1;
      deps.log.error('feeds.item_failed', { feed: feed.id, url: item.url, error: e as Error });
    }
  });
  await deps.store.saveState(feed.id, {
    ...state,
    etag: res.etag,
    lastModified: res.lastModified,
    seen: [...fresh.filter((f) => !later.has(f)).map((f) => f.hash), ...state.seen],
    ...ok(now, 'new', fresh.length),
  });
  deps.log.info('feeds.feed_polled', {
    feed: feed.id,
    newItems: result.newItems,
    kept: result.kept,
    backfilled: result.backfilled ?? 0,
    deferred: result.deferred,
    irrelevant: result.irrelevant,
    developments: result.developments,
    merged: result.merged,
    problems: result.problems,
  });
  return result;
}

function ok(now: Date, status: 'new' | 'not_modified', newItems: number): Partial<FeedState> & { failures: number } {
  return {
    lastPolledAt: now.toISOString(),
    lastOkAt: now.toISOString(),
    lastStatus: status,
    lastReason: undefined,
    lastNewItems: newItems,
    failures: 0,
    nextPollAt: undefined,
  };
}

async function failed(
  feed: FeedSource,
  deps: PollDeps,
  state: FeedState,
  base: FeedPollResult,
  status: 'refused' | 'failed',
  reason: string,
  retryAfterMs?: number,
): Promise<FeedPollResult> {
  const now = deps.now();
  const failures = state.failures + 1;
  const next = nextAttempt(now, failures, retryAfterMs).toISOString();
  await deps.store.saveState(feed.id, {
    ...state,
    lastPolledAt: now.toISOString(),
    lastStatus: status,
    lastReason: reason,
    failures,
    nextPollAt: next,
  });
  deps.log.warn(`feeds.feed_${status}`, { feed: feed.id, url: feed.url, reason, failures, nextPollAt: next });
  return { ...base, status, reason };
}

/** Polls many feeds, a few at a time; the host gate keeps it polite towards any one server. */
export async function pollFeeds(
  feeds: FeedSource[],
  deps: PollDeps,
  opts: {
    force?: boolean;
    concurrency?: number;
    onResult?: (r: FeedPollResult) => void;
    stopping?: () => boolean;
  } = {},
): Promise<FeedPollResult[]> {
  const results: FeedPollResult[] = [];
  await eachLimit(
    feeds.map((feed, i) => ({ feed, i })),
    opts.concurrency ?? 8,
    async ({ feed, i }) => {
      // On shutdown, feeds not yet started wait for the next poll; those under way finish.
      if (opts.stopping?.()) return;
      let r: FeedPollResult;
      try {
        r = await pollFeed(feed, deps, opts);
      } catch (e) {
        // The store failing mid-poll is a fault, but one feed's fault must not stop the others.
        deps.log.error('feeds.feed_errored', { feed: feed.id, error: e as Error });
        r = {
          feed,
          status: 'failed',
          reason: (e as Error).message,
          newItems: 0,
          kept: 0,
          repeated: 0,
          irrelevant: 0,
          developments: 0,
          merged: 0,
          problems: 0,
        };
      }
      results[i] = r;
      opts.onResult?.(r);
    },
  );
  return results.filter((r) => r !== undefined);
}

async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
