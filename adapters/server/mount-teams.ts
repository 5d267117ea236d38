import { ChatService } from '../../src/chat/chat-service';
import type { DeliveryPort } from '../../src/digest/delivery-port';
import { chatFeeds } from '../server/chat-feeds';
import type { ChannelSettingsStore, SubscriptionStore } from '../../src/subscriptions/subscription-store';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import type { App } from '../root';
import type { HttpServer } from './http-server';
import { type AuthOverrides, createAuthentication, TeamsAdapter } from '../teams/adapter';
import { CyberbriefBot } from '../teams/bot/teams-bot';
import { DigestPermission } from '../teams/bot/permissions';
import { GraphTeamOwnerCheck, graphTokenFromAppPassword, type TeamOwnerCheck } from '../teams/bot/team-owners';
import { loadTeamsConfig } from '../teams/config';
import { KeyvConversationStore } from '../teams/conversation-store';
import { type DeliveryRetry, TeamsDeliveryPort } from '../teams/delivery';
import { messagesHandler } from '../teams/http-endpoint';

export interface TeamsDeps {
  /** Without `kb` (benches), the `sources` command says feeds are not managed from chat. */
  app: Pick<App, 'briefing' | 'kv' | 'log' | 'env' | 'config'> & Partial<Pick<App, 'kb' | 'links'>>;
  /** Defaults to the keyv stores on the app's store; `serve` passes the ones the scheduler uses. */
  subscriptions?: SubscriptionStore;
  channelSettings?: ChannelSettingsStore;
  now?: () => Date;
  /** Team-owner lookups; by default Microsoft Graph with the bot's own credentials, when it has a secret. */
  ownerCheck?: TeamOwnerCheck;
  /** Tests: a local OpenID metadata stand-in instead of login.botframework.com. */
  authOverrides?: AuthOverrides;
  deliveryRetry?: Partial<DeliveryRetry>;
}

export interface TeamsMount {
  mode: 'auth' | 'dev';
  /** For the scheduler: posts digests to Teams conversations. */
  delivery: DeliveryPort;
  adapter: TeamsAdapter;
  bot: CyberbriefBot;
}

/**
 * Mounts `POST /api/messages` on the shared HTTP server when Teams is configured, and returns
 * the delivery port for the scheduler; returns undefined (and says why) when it is not.
 * Without MicrosoftAppId the endpoint is only mounted with CYBERBRIEF_TEAMS_DEV=1: an
 * unauthenticated bot would post to whatever serviceUrl a stranger sends it.
 */
export function mountTeams(http: HttpServer, deps: TeamsDeps): TeamsMount | undefined {
  const { app } = deps;
  const log = app.log;
  const config = loadTeamsConfig(app.env);
  if (config.mode === 'off') {
    log.info('teams.surface_disabled', { reason: config.reason });
    return undefined;
  }
  if (config.mode === 'dev') {
    log.warn('teams.dev_mode_enabled', {
      message:
        'Teams endpoint WITHOUT authentication (CYBERBRIEF_TEAMS_DEV=1, no MicrosoftAppId): it accepts any request and replies to the serviceUrl the request names. Local development and tests only.',
    });
  } else {
    log.info('teams.surface_enabled', {
      appType: config.appType,
      appId: config.appId,
      tenant: config.tenantId ?? 'any',
    });
  }

  const adapter = new TeamsAdapter(createAuthentication(config, deps.authOverrides), log);
  const conversations = new KeyvConversationStore(app.kv);
  const owners =
    deps.ownerCheck ??
    (config.mode === 'auth' && config.appPassword !== undefined
      ? new GraphTeamOwnerCheck({ token: graphTokenFromAppPassword(config.appId, config.appPassword), log })
      : undefined);
  const subscriptions = deps.subscriptions ?? new KeyvSubscriptionStore(app.kv);
  const channelSettings = deps.channelSettings ?? new KeyvChannelSettings(app.kv);
  const now = deps.now ?? (() => new Date());
  const chat = new ChatService({
    briefing: app.briefing,
    subscriptions,
    channels: channelSettings,
    ...(app.kb ? { feeds: chatFeeds({ ...app, kb: app.kb }, deps.now) } : {}),
    log,
    now,
  });
  const bot = new CyberbriefBot({
    briefing: app.briefing,
    chat,
    subscriptions,
    channelSettings,
    conversations,
    permission: new DigestPermission(config.admins, owners, log),
    log,
    defaults: { locale: app.config.CYBERBRIEF_LANG, timezone: app.config.CYBERBRIEF_TZ },
    now,
  });
  http.route('POST', '/api/messages', messagesHandler(adapter, bot, log));
  const delivery = new TeamsDeliveryPort(
    adapter,
    config.mode === 'auth' ? config.appId : '',
    conversations,
    log,
    deps.deliveryRetry,
    app.links,
  );
  return { mode: config.mode, delivery, adapter, bot };
}
