import { createTask, type ScheduledTask } from 'node-cron';
import type { ArticleSink } from '../../src/feeds/article-sink';
import { openFeedRuntime } from '../../src/feeds/feed-runtime';
import { loadFeedsConfig } from '../../src/feeds/feeds-config';
import { type FeedPollResult, pollFeeds } from '../../src/feeds/poll';
import type { Logger } from '../../src/log';
import { openClaims } from '../../src/store/claims';
import type { App } from '../root';
import { feedSink } from './feed-sink';

export interface FeedTimerOptions {
  app: Pick<App, 'kv' | 'kb' | 'config' | 'env' | 'briefing' | 'store'>;
  log: Logger;
  /** The clock polls are stamped with (tests inject one). */
  clock?: () => Date;
  /** Where relevant articles go; default: the ingestion pipeline into the app's store. */
  sink?: ArticleSink;
  /** node-cron expression; default CYBERBRIEF_FEEDS_CRON (every 15 minutes). */
  cron?: string;
  /** Poll once at start rather than waiting for the first tick (default true). */
  pollAtStart?: boolean;
}

export interface RunningFeedTimer {
  /** One poll of every followed feed now, respecting back-off (tests, or an operator's nudge). */
  pollNow(): Promise<FeedPollResult[]>;
  /** Stops ticking, lets feeds under way finish, starts no new one. */
  stop(): Promise<void>;
}

/**
 * The feed poller `cyberbrief serve` runs: node-cron ticks poll every followed feed. Replicas
 * sharing a store each tick, and the per-feed claim in the store (src/store/claims) lets only one
 * of them poll a given feed at a time; a feed another replica holds is skipped this tick.
 */
export function startFeedTimer(opts: FeedTimerOptions): RunningFeedTimer {
  const { app, log } = opts;
  const clock = opts.clock ?? (() => new Date());
  const config = loadFeedsConfig(app.env);
  const sink = opts.sink ?? feedSink(app, clock);
  const runtime = openFeedRuntime({
    kv: app.kv,
    kb: app.kb,
    core: app.config,
    feeds: config,
    sink,
    log,
    now: clock,
    claims: openClaims(app.kv),
  });
  let stopping = false;
  let inFlight: Promise<FeedPollResult[]> | undefined;

  const pollNow = (): Promise<FeedPollResult[]> => {
    if (stopping) return Promise.resolve([]);
    inFlight ??= (async () => {
      try {
        const feeds = await runtime.followed();
        const started = Date.now();
        const results = await pollFeeds(feeds, runtime.deps, { stopping: () => stopping });
        const count = (s: FeedPollResult['status']) => results.filter((r) => r.status === s).length;
        log.info('feeds.poll_done', {
          feeds: feeds.length,
          polled: results.length,
          newItems: results.reduce((n, r) => n + r.newItems, 0),
          kept: results.reduce((n, r) => n + r.kept, 0),
          developments: results.reduce((n, r) => n + r.developments, 0),
          merged: results.reduce((n, r) => n + r.merged, 0),
          notModified: count('not_modified'),
          failed: count('failed'),
          refused: count('refused'),
          deferred: count('deferred'),
          busy: count('busy'),
          ms: Date.now() - started,
        });
        return results;
      } catch (e) {
        // A store outage must not kill the timer: the next tick tries again.
        log.error('feeds.poll_failed', { error: e as Error });
        return [];
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  const task: ScheduledTask = createTask(
    opts.cron ?? config.CYBERBRIEF_FEEDS_CRON,
    () => pollNow().then(() => undefined),
    {
      name: 'cyberbrief-feeds',
      noOverlap: true,
      logger: {
        info: (m) => log.debug('cron.task_logged', { message: m }),
        warn: (m) => log.debug('cron.task_logged', { message: m }),
        error: (m) => log.warn('cron.task_failed', { message: m instanceof Error ? m.message : m }),
        debug: () => undefined,
      },
    },
  );
  void task.start();
  log.info('feeds.poller_started', {
    cron: opts.cron ?? config.CYBERBRIEF_FEEDS_CRON,
    starter: app.config.CYBERBRIEF_FEEDS,
  });
  if (opts.pollAtStart !== false) void pollNow();

  let stopped: Promise<void> | undefined;
  return {
    pollNow,
    stop(): Promise<void> {
      stopped ??= (async () => {
        stopping = true;
        await task.stop();
        await task.destroy();
        await inFlight;
        await sink.flush?.();
        runtime.close();
        log.info('feeds.poller_stopped', {});
      })();
      return stopped;
    },
  };
}
