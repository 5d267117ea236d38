import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import { ChatService } from '../../src/chat/chat-service';
import { CyberbriefError } from '../../src/errors';
import type { Locale } from '../../src/domain/text';
import type { FeedRuntime } from '../../src/feeds/feed-runtime';
import type { BriefLinks } from '../../src/links/brief-links';
import type { Logger } from '../../src/log';
import type { BriefingService } from '../../src/service/briefing-service';
import type { KvBackend } from '../../src/store/kv';
import type { ChannelSettingsStore, SubscriptionStore } from '../../src/subscriptions/subscription-store';
import type { HttpServer } from '../server/http-server';
import { boltLogger } from './bolt-logger';
import { BriefCache } from './brief-cache';
import { ChannelLocales } from './channel-locales';
import * as cyberbriefCommand from './commands/cyberbrief';
import { type SlackConfig, type SlackMode, slackApiUrl, slackMode, usesOAuth } from './config';
import { SlackDeliveryPort, type TokenSource } from './delivery-port';
import { InFlight } from './in-flight';
import { KeyvInstallationStore } from './installation-store';
import * as appHomeOpened from './listeners/app-home-opened';
import * as appUninstalled from './listeners/app-uninstalled';
import * as briefOpen from './listeners/brief-open';
import * as briefPost from './listeners/brief-post';
import * as briefShow from './listeners/brief-show';
import * as linkShared from './listeners/link-shared';
import { BOT_SCOPES } from './scopes';
import { SubscriptionPermissions } from './permissions';
import { guardSlackRequest, SLACK_BODY_LIMIT } from './request-guard';
import { platformError } from './slack-errors';
import type { SlackContext } from './slack-context';

export interface SlackDeps {
  config: SlackConfig;
  briefing: BriefingService;
  subscriptions: SubscriptionStore;
  channels: ChannelSettingsStore;
  /** The shared store: OAuth installations live in its `slack-installations` namespace. */
  kv: KvBackend;
  log: Logger;
  defaults: { locale: Locale; timezone: string };
  now?: () => Date;
  /** The Web API client's retry policy (tests shorten it); see DEFAULT_RETRY. */
  retryConfig?: webApi.RetryOptions;
  /** Bolt's own log lines below this level are dropped. */
  boltLogLevel?: LogLevel;
  /** How long channel languages (default 60 s) and composed briefs (default 30 s) are remembered. */
  cacheTtlMs?: { locales?: number; briefs?: number };
  /** Followed feeds, for `/cyberbrief sources`; without it the command says feeds are not available here. */
  feeds?: Pick<FeedRuntime, 'store' | 'followed'>;
  /** Signed links to the full brief pages (CYBERBRIEF_PUBLIC_URL); without them no link is shown or unfurled. */
  links?: BriefLinks;
}

export interface SlackRuntime {
  readonly app: App;
  readonly mode: SlackMode;
  /** What the digest scheduler posts through. */
  readonly delivery: SlackDeliveryPort;
  readonly installations?: KeyvInstallationStore;
  /** Adds `POST /slack/events` (HTTP mode) and the OAuth pages (`/slack/install`, `/slack/oauth_redirect`) to the shared server. */
  mount(http: HttpServer): void;
  /** Checks the token (auth.test) and, in Socket Mode, opens the WebSocket. */
  start(): Promise<void>;
  /** Closes the socket and waits (up to `graceMs`) for listeners still answering. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Bounded retries: a 429 waits its Retry-After (the client pauses its queue) and counts as one
 * attempt; other transient failures back off from 1 s to 20 s. About a minute at worst, after
 * which a digest is returned as `retry` and the scheduler tries again at its next tick, instead
 * of the client's default of ten retries over half an hour holding a delivery open.
 */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 20_000,
  randomize: true,
};

export function createSlackApp(deps: SlackDeps): SlackRuntime {
  const c = deps.config;
  const mode = slackMode(c);
  const logger = boltLogger(deps.log, deps.boltLogLevel ?? LogLevel.WARN);
  const clientOptions: webApi.WebClientOptions = {
    ...(slackApiUrl(c) ? { slackApiUrl: slackApiUrl(c) } : {}),
    retryConfig: deps.retryConfig ?? DEFAULT_RETRY,
    // The client honours Retry-After itself and retries; rejecting would make every caller re-implement that.
    rejectRateLimitedCalls: false,
    timeout: 10_000,
  };
  const installations = usesOAuth(c) ? new KeyvInstallationStore(deps.kv.namespace('slack-installations')) : undefined;
  const oauth = installations
    ? {
        clientId: c.SLACK_CLIENT_ID,
        clientSecret: c.SLACK_CLIENT_SECRET,
        stateSecret: c.SLACK_STATE_SECRET,
        installationStore: installations,
        scopes: [...BOT_SCOPES],
        ...(c.SLACK_REDIRECT_URI ? { redirectUri: c.SLACK_REDIRECT_URI } : {}),
      }
    : {};
  const installerOptions = { clientOptions, directInstall: true };

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (mode === 'socket') {
    receiver = new SocketModeReceiver({ appToken: c.SLACK_APP_TOKEN!, logger, ...oauth, installerOptions });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: c.SLACK_SIGNING_SECRET!,
      endpoints: '/slack/events',
      logger,
      // Acknowledge first, work after: the HTTP response leaves as soon as a listener calls ack().
      processBeforeResponse: false,
      bodyLimit: SLACK_BODY_LIMIT,
      ...oauth,
      installerOptions,
    });
  }

  const knownBot = c.SLACK_BOT_ID !== undefined && c.SLACK_BOT_USER_ID !== undefined;
  const app = new App({
    receiver: receiver as Receiver,
    logger,
    // Without logLevel Bolt resets its logger to INFO, undoing the level chosen above.
    logLevel: deps.boltLogLevel ?? LogLevel.WARN,
    clientOptions,
    // init() in start() runs auth.test where its failure can be reported, not as an unhandled rejection at construction.
    deferInitialization: true,
    // No listener keeps conversation state; Bolt's default in-memory store would only cost time per request.
    convoStore: false,
    ...(c.SLACK_BOT_TOKEN
      ? {
          token: c.SLACK_BOT_TOKEN,
          ...(knownBot
            ? { botId: c.SLACK_BOT_ID, botUserId: c.SLACK_BOT_USER_ID, tokenVerificationEnabled: false }
            : {}),
        }
      : {}),
  });

  const inFlight = new InFlight();
  app.use(async ({ next }) => inFlight.track(next()));

  const locales = new ChannelLocales(deps.channels, deps.defaults.locale, deps.cacheTtlMs?.locales);
  const now = deps.now ?? (() => new Date());
  const chat = new ChatService({
    briefing: deps.briefing,
    subscriptions: deps.subscriptions,
    // `lang` goes through the remembered languages, so the next lookup here sees it at once.
    channels: { getLocale: (p, c) => deps.channels.getLocale(p, c), setLocale: (_p, c, l) => locales.set(c, l) },
    ...(deps.feeds ? { feeds: deps.feeds } : {}),
    log: deps.log,
    now,
  });
  const ctx: SlackContext = {
    briefing: deps.briefing,
    chat,
    subscriptions: deps.subscriptions,
    channels: deps.channels,
    locales,
    briefs: new BriefCache(
      () => deps.briefing.data,
      (query, locale) => chat.briefFor({ query }, locale),
      deps.cacheTtlMs?.briefs,
    ),
    permissions: new SubscriptionPermissions(c.CYBERBRIEF_SLACK_ADMINS, deps.log),
    log: deps.log,
    defaults: deps.defaults,
    now,
    ...(deps.feeds ? { feeds: deps.feeds } : {}),
    ...(deps.links ? { links: deps.links } : {}),
  };
  cyberbriefCommand.register(app, ctx);
  briefShow.register(app, ctx);
  briefOpen.register(app, ctx);
  briefPost.register(app, ctx);
  appHomeOpened.register(app, ctx);
  linkShared.register(app, ctx);
  if (installations) appUninstalled.register(app, ctx, installations);
  app.error(async (e) => {
    deps.log.error('slack.error_unhandled', { error: e.message, code: (e as { code?: string }).code });
  });

  const token = c.SLACK_BOT_TOKEN;
  const tokenFor: TokenSource = installations ? (team) => installations.botToken(team) : async () => token;
  const delivery = new SlackDeliveryPort(app.client, tokenFor, deps.log, deps.links);

  return {
    app,
    mode,
    delivery,
    ...(installations ? { installations } : {}),
    mount(http: HttpServer): void {
      if (receiver instanceof HTTPReceiver) {
        const http1 = receiver;
        const handle = (req: IncomingMessage, res: ServerResponse) =>
          untilAnswered(res, () => http1.requestListener(req, res));
        http.route(
          'POST',
          '/slack/events',
          guardSlackRequest({ signingSecret: c.SLACK_SIGNING_SECRET!, log: deps.log }, handle),
        );
        if (http1.installer) {
          http.route('GET', '/slack/install', handle);
          http.route('GET', '/slack/oauth_redirect', handle);
        }
      } else if (receiver.installer) {
        // Socket Mode needs no public URL for events, but OAuth still needs a browser page.
        const installer = receiver.installer;
        const urlOptions = {
          scopes: [...BOT_SCOPES],
          ...(c.SLACK_REDIRECT_URI ? { redirectUri: c.SLACK_REDIRECT_URI } : {}),
        };
        http.route('GET', '/slack/install', (req, res) => installer.handleInstallPath(req, res, {}, urlOptions));
        http.route('GET', '/slack/oauth_redirect', (req, res) => installer.handleCallback(req, res));
      }
    },
    async start(): Promise<void> {
      try {
        await app.init();
      } catch (e) {
        const code = platformError(e);
        // A refused token is the deployment's configuration (exit 78); an unreachable Slack is not (70).
        if (code)
          throw new CyberbriefError(
            'config',
            `SLACK_BOT_TOKEN: Slack refused it at auth.test: ${code} (check the token, or reinstall the app)`,
            { cause: e },
          );
        throw new CyberbriefError('platform', `Slack could not be reached at start: ${(e as Error).message}`, {
          cause: e,
        });
      }
      if (receiver instanceof SocketModeReceiver) await receiver.client.start();
      deps.log.info('slack.app_started', {
        mode,
        oauth: installations !== undefined,
        api: slackApiUrl(c) ?? 'default',
      });
    },
    async stop(graceMs = 10_000): Promise<void> {
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
      await inFlight.drain(graceMs);
    },
  };
}

/** Creates the app, checks its token, and routes Slack's requests on the shared server. */
export async function mountSlack(http: HttpServer, deps: SlackDeps): Promise<SlackRuntime> {
  const runtime = createSlackApp(deps);
  await runtime.start();
  runtime.mount(http);
  return runtime;
}

/** Bolt answers on its own schedule (ack may come later); the shared server counts the request until the response ends. */
function untilAnswered(res: ServerResponse, run: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    res.once('finish', resolve);
    res.once('close', resolve);
    try {
      run();
    } catch (e) {
      reject(e);
    }
  });
}
