import { randomUUID } from 'node:crypto';
import { ConfigError } from '../config';
import type { KbFeed } from '../kb/schema';
import type { Logger } from '../log';
import { packageVersion } from '../package-root';
import type { ClaimStore } from '../store/claims';
import type { KvBackend } from '../store/kv';
import { parseAllowList } from './address-policy';
import type { ArticleSink } from './article-sink';
import type { FeedSource } from './feed-source';
import { FeedSourceStore } from './feed-source-store';
import type { FeedsConfig } from './feeds-config';
import { HostGate } from './host-gate';
import type { PollDeps } from './poll';
import { RecentItems } from './recent-items';
import { RelevanceModel } from './relevance';
import { createFetcher } from './safe-fetch';
import type { KnowledgeBase } from '../kb/types';

export interface FeedRuntimeOptions {
  kv: KvBackend;
  kb: Pick<KnowledgeBase, 'actors' | 'incidents' | 'feeds'>;
  /** CYBERBRIEF_FEEDS and CYBERBRIEF_FETCH_ALLOW from the core configuration. */
  core: { CYBERBRIEF_FEEDS: 'starter' | 'none'; CYBERBRIEF_FETCH_ALLOW: string };
  feeds: FeedsConfig;
  sink: ArticleSink;
  log: Logger;
  now: () => Date;
  claims?: ClaimStore;
}

export interface FeedRuntime {
  store: FeedSourceStore;
  deps: PollDeps;
  /** The feeds to poll: the starter list (unless CYBERBRIEF_FEEDS=none) and those added by operators. */
  followed(): Promise<FeedSource[]>;
  close(): void;
}

export function userAgent(): string {
  return `cyberbrief/${packageVersion()} (cyber-diplomacy news reader; polls feeds politely)`;
}

/** Wires the fetcher, politeness, relevance model and feed store from configuration; the sink is the caller's. */
export function openFeedRuntime(opts: FeedRuntimeOptions): FeedRuntime {
  const allow = parseAllowList(opts.core.CYBERBRIEF_FETCH_ALLOW);
  if (!allow.ok) throw new ConfigError(`invalid configuration: ${allow.error}`);
  const store = new FeedSourceStore(opts.kv, {
    onProblem: (p) => opts.log.warn('feeds.record_skipped', { problem: p }),
  });
  const fetcher = createFetcher({
    policy: allow.policy,
    userAgent: userAgent(),
    timeoutMs: opts.feeds.CYBERBRIEF_FETCH_TIMEOUT_MS,
  });
  const deps: PollDeps = {
    fetcher,
    gate: new HostGate(opts.feeds.CYBERBRIEF_FETCH_HOST_GAP_MS),
    store,
    relevance: RelevanceModel.fromKnowledgeBase(opts.kb),
    sink: opts.sink,
    log: opts.log,
    now: opts.now,
    claims: opts.claims ? { store: opts.claims, owner: `feeds-${randomUUID().slice(0, 8)}` } : undefined,
    recent: new RecentItems(),
    backfillDays: opts.feeds.CYBERBRIEF_FEEDS_BACKFILL_DAYS,
    backfillPerPoll: opts.feeds.CYBERBRIEF_FEEDS_BACKFILL_PER_POLL,
  };
  const starter = opts.core.CYBERBRIEF_FEEDS === 'starter';
  let synced: KbFeed[] | undefined;
  return {
    store,
    deps,
    async followed() {
      if (starter && synced !== opts.kb.feeds) {
        const r = await store.syncStarter(opts.kb.feeds, opts.now());
        if (r.added + r.updated > 0) opts.log.info('feeds.starter_synced', r);
        synced = opts.kb.feeds;
      }
      return store.list({ starter });
    },
    close: () => fetcher.close(),
  };
}
