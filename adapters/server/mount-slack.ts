import { boltLogLevel } from '../slack/bolt-logger';
import { chatFeeds } from './chat-feeds';
import type { ChannelSettingsStore, SubscriptionStore } from '../../src/subscriptions/subscription-store';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import type { App } from '../root';
import type { HttpServer } from './http-server';
import { mountSlack, type SlackRuntime } from '../slack/app';
import { loadSlackConfig, slackEnabled, slackMode, usesOAuth } from '../slack/config';

export interface SlackAppDeps {
  app: Pick<App, 'briefing' | 'kv' | 'kb' | 'log' | 'env' | 'config'>;
  /** Defaults to the keyv stores on the app's store; `serve` passes the ones its scheduler uses. */
  subscriptions?: SubscriptionStore;
  channelSettings?: ChannelSettingsStore;
  now?: () => Date;
}

/**
 * What `cyberbrief serve` calls: reads the Slack section of the environment and, when a bot token
 * or OAuth credentials are set, starts the Bolt app (HTTP on the shared server at /slack/events,
 * or Socket Mode with SLACK_APP_TOKEN). Returns undefined, and logs why, when Slack is not configured.
 */
export async function mountSlackFromApp(http: HttpServer, deps: SlackAppDeps): Promise<SlackRuntime | undefined> {
  const { app } = deps;
  const config = loadSlackConfig(app.env);
  if (!slackEnabled(config)) {
    app.log.info('slack.surface_disabled', { reason: 'neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set' });
    return undefined;
  }
  app.log.info('slack.surface_enabled', { mode: slackMode(config), oauth: usesOAuth(config) });
  return mountSlack(http, {
    config,
    briefing: app.briefing,
    subscriptions: deps.subscriptions ?? new KeyvSubscriptionStore(app.kv),
    channels: deps.channelSettings ?? new KeyvChannelSettings(app.kv),
    kv: app.kv,
    log: app.log,
    defaults: { locale: app.config.CYBERBRIEF_LANG, timezone: app.config.CYBERBRIEF_TZ },
    ...(deps.now ? { now: deps.now } : {}),
    boltLogLevel: boltLogLevel(app.config.CYBERBRIEF_LOG_LEVEL),
    feeds: chatFeeds(app, deps.now),
  });
}
