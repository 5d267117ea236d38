import { HttpServer } from '../../../adapters/server/http-server';
import { mountSlack, type SlackRuntime } from '../../../adapters/slack/app';
import { chatFeeds } from '../../../adapters/server/chat-feeds';
import type { FeedRuntime } from '../../../src/feeds/feed-runtime';
import { loadSlackConfig } from '../../../adapters/slack/config';
import { jsonLogger, type Logger } from '../../../src/log';
import { KeyvChannelSettings } from '../../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../../src/subscriptions/keyv-subscription-store';
import type { ChannelSettingsStore } from '../../../src/subscriptions/subscription-store';
import { openTempApp } from '../../support/temp-app';
import { FakeSlack } from './fake-slack';
import { SIGNING_SECRET } from './signed';

export interface Harness {
  fake: FakeSlack;
  app: Awaited<ReturnType<typeof openTempApp>>;
  runtime: SlackRuntime;
  subscriptions: KeyvSubscriptionStore;
  channels: KeyvChannelSettings;
  /** The followed-feeds store `/cyberbrief sources` works on. */
  feeds: FeedRuntime;
  /** POST /slack/events on the shared server. */
  eventsUrl: string;
  baseUrl: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real thing on loopback: a temporary SQLite store filled from the knowledge base, the shared
 * HttpServer with the Bolt app mounted at /slack/events, and its Web API pointed at a FakeSlack.
 */
export async function startHarness(
  env: Record<string, string> = {},
  opts: {
    now?: () => Date;
    prepare?: (fake: FakeSlack) => Promise<void> | void;
    wrapChannels?: (store: ChannelSettingsStore) => ChannelSettingsStore;
    appEnv?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const fake = await FakeSlack.start();
  await opts.prepare?.(fake);
  const app = await openTempApp(opts.appEnv ?? {});
  const logs: string[] = [];
  const log: Logger = jsonLogger('debug', (line) => logs.push(line));
  // OAuth setups (SLACK_CLIENT_ID) take their tokens from installations, not from SLACK_BOT_TOKEN.
  const token = env.SLACK_CLIENT_ID ? {} : { SLACK_BOT_TOKEN: 'xoxb-test-token' };
  const config = loadSlackConfig({
    ...token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  const subscriptions = new KeyvSubscriptionStore(app.kv);
  const channels = new KeyvChannelSettings(app.kv);
  const feeds = chatFeeds(app, opts.now);
  const http = new HttpServer(log);
  const runtime = await mountSlack(http, {
    config,
    briefing: app.briefing,
    subscriptions,
    channels: opts.wrapChannels ? opts.wrapChannels(channels) : channels,
    kv: app.kv,
    log,
    defaults: { locale: 'en', timezone: 'Europe/Paris' },
    ...(opts.now ? { now: opts.now } : {}),
    // Short backoff keeps failing-path tests quick; Retry-After is still honoured by the client.
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
    feeds,
  });
  const port = await http.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    fake,
    app,
    runtime,
    subscriptions,
    channels,
    feeds,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    logs,
    async close() {
      await runtime.stop(2_000);
      await http.close(1_000);
      await fake.close();
      feeds.close();
      await app.dispose();
    },
  };
}
