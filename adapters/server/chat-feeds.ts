import { type FeedRuntime, openFeedRuntime } from '../../src/feeds/feed-runtime';
import { loadFeedsConfig } from '../../src/feeds/feeds-config';
import type { App } from '../root';

/**
 * The followed-feeds store for the chat `sources` commands (Slack and Teams). Chat only adds,
 * lists and removes: the server's poller fetches on its schedule, so this runtime's sink is never reached.
 */
export function chatFeeds(
  app: Pick<App, 'kv' | 'kb' | 'log' | 'env' | 'config'>,
  now: () => Date = () => new Date(),
): FeedRuntime {
  return openFeedRuntime({
    kv: app.kv,
    kb: app.kb,
    core: app.config,
    feeds: loadFeedsConfig(app.env),
    sink: { ingest: () => Promise.reject(new Error('chat surfaces do not poll feeds')) },
    log: app.log,
    now,
  });
}
