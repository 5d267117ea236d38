import type { DeliveryPort } from '../../src/digest/delivery-port';
import { openClaims } from '../../src/store/claims';
import { watchStore } from '../../src/store/store-health';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import type { App } from '../root';
import { type RunningScheduler, startScheduler } from '../scheduler/start-scheduler';
import { chatFeedRuntime } from '../feeds/chat-feed-runtime';
import { startFeedPoller } from '../feeds/start-feed-poller';
import { HttpServer } from '../server/http-server';
import { loadSlackConfig, slackEnabled } from '../slack/config';
import { mountSlack, type SlackRuntime } from '../slack/app';
import { mountTeams } from '../teams/mount';

export interface Serving {
  port: number;
  surfaces: string[];
  stop(): Promise<void>;
}

/**
 * `cyberbrief serve`: one HTTP port for Slack (`/slack/events`), Teams (`/api/messages`) and
 * `/healthz`, the digest scheduler, the feed poller, and a loop that picks up what the CLI or
 * another replica wrote.
 */
export async function startServe(app: App, opts: { port?: number; host?: string } = {}): Promise<Serving> {
  const { log } = app;
  const http = new HttpServer(log);
  http.route('GET', '/healthz', async (_req, res) => {
    const ok = await app.kv.ping();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'store_unavailable', store: app.kv.kind }));
  });

  const subscriptions = new KeyvSubscriptionStore(app.kv);
  const channels = new KeyvChannelSettings(app.kv);
  const ports: DeliveryPort[] = [];
  const surfaces: string[] = [];

  let slack: SlackRuntime | undefined;
  const slackConfig = loadSlackConfig(app.env);
  if (slackEnabled(slackConfig)) {
    slack = await mountSlack(http, {
      config: slackConfig,
      briefing: app.briefing,
      subscriptions,
      channels,
      kv: app.kv,
      log,
      defaults: { locale: app.config.CYBERBRIEF_LANG, timezone: app.config.CYBERBRIEF_TZ },
      feeds: chatFeedRuntime(app),
    });
    ports.push(slack.delivery);
    surfaces.push(`slack (${slack.mode})`);
  } else {
    log.info('slack.disabled', { reason: 'no SLACK_BOT_TOKEN or SLACK_CLIENT_ID' });
  }

  const teams = mountTeams(http, { app, subscriptions, channelSettings: channels });
  if (teams) {
    ports.push(teams.delivery);
    surfaces.push(`teams (${teams.mode})`);
  }
  if (surfaces.length === 0)
    log.warn('serve.no_surface', {
      message: 'neither Slack nor Teams is configured: only /healthz is served (see .env.example)',
    });

  const port = await http.listen(opts.port ?? app.config.PORT, opts.host);
  const scheduler: RunningScheduler = startScheduler({
    subscriptions,
    // Deployments sharing one server keep their claims apart too (table names allow only [a-z0-9_]).
    claims: openClaims(app.kv, {
      prefix: `${app.config.CYBERBRIEF_STORE_PREFIX}cyberbrief:claim:`,
      table: `${app.config.CYBERBRIEF_STORE_PREFIX.replace(/-/g, '_').toLowerCase()}cyberbrief_claims`,
    }),
    briefing: app.briefing,
    ports,
    log,
    graceHours: app.config.CYBERBRIEF_DIGEST_GRACE_HOURS,
  });
  const feeds = startFeedPoller({ app, log });
  // Loss and recovery of the store are logged once each; on recovery, memory catches up (and a
  // store back empty is filled again from briefs/).
  const health = watchStore(app.kv, { log, onRecovered: () => app.briefing.refreshIfChanged() });
  const reload = setInterval(() => {
    // While the store is away lookups are answered from memory; the health watch reloads on recovery.
    if (!health.up) return;
    app.briefing.refreshIfChanged().then(
      (changed) => changed && log.info('store.reloaded', { incidents: app.briefing.data.incidents.size }),
      (e: unknown) => log.warn('store.reload_failed', { error: (e as Error).message }),
    );
  }, app.config.CYBERBRIEF_RELOAD_SECONDS * 1000);
  reload.unref();
  log.info('serve.listening', { port, surfaces, store: app.kv.safeUrl });

  let stopping: Promise<void> | undefined;
  return {
    port,
    surfaces,
    stop() {
      // Order matters: stop taking work, finish deliveries (releasing their claims), drain requests, then close the store.
      stopping ??= (async () => {
        clearInterval(reload);
        health.stop();
        await feeds.stop();
        await scheduler.stop();
        await slack?.stop();
        await http.close();
        await app.close();
        log.info('serve.stopped', {});
      })();
      return stopping;
    },
  };
}
