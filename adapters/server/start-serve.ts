import type { DeliveryPort } from '../../src/digest/delivery-port';
import { openClaims } from '../../src/store/claims';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import type { App } from '../root';
import { HttpServer } from './http-server';
import { mountHealth } from './mount-health';
import { mountSlackFromApp } from './mount-slack';
import { mountTeams } from './mount-teams';
import { type RunningDigestTimer, startDigestTimer } from './start-digest-timer';
import { startFeedTimer } from './start-feed-timer';
import { startStoreReload } from './start-store-reload';
import { webPageDeps } from '../web/app-deps';
import { mountWebPages } from '../web/mount';

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
  mountHealth(http, app);

  // One pair of stores for the chat surfaces and the digest timer, so a subscription made in chat is seen at once.
  const subscriptions = new KeyvSubscriptionStore(app.kv);
  const channelSettings = new KeyvChannelSettings(app.kv);
  const ports: DeliveryPort[] = [];
  const surfaces: string[] = [];

  const slack = await mountSlackFromApp(http, { app, subscriptions, channelSettings });
  if (slack) {
    ports.push(slack.delivery);
    surfaces.push(`slack (${slack.mode})`);
  }
  const teams = mountTeams(http, { app, subscriptions, channelSettings });
  if (teams) {
    ports.push(teams.delivery);
    surfaces.push(`teams (${teams.mode})`);
  }
  if (app.links) {
    mountWebPages(http, webPageDeps(app, app.links));
    surfaces.push(app.links.publicPages ? 'web (public)' : 'web (signed links)');
  }
  if (surfaces.length === 0)
    log.warn('serve.surface_missing', {
      message: 'neither Slack nor Teams is configured: only /healthz is served (see .env.example)',
    });

  const port = await http.listen(opts.port ?? app.config.PORT, opts.host);
  const digests: RunningDigestTimer = startDigestTimer({
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
  const feeds = startFeedTimer({ app, log });
  const stopReload = startStoreReload(app);
  log.info('serve.server_listening', { port, surfaces, store: app.kv.safeUrl });

  let stopping: Promise<void> | undefined;
  return {
    port,
    surfaces,
    stop() {
      // Order matters: stop taking work, finish deliveries (releasing their claims), drain requests, then close the store.
      stopping ??= (async () => {
        stopReload();
        await feeds.stop();
        await digests.stop();
        await slack?.stop();
        await http.close();
        await app.close();
        log.info('serve.server_stopped', {});
      })();
      return stopping;
    },
  };
}
