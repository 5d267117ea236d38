import { startFeedTimer } from '../../adapters/server/start-feed-timer';
import { composeDigest } from '../../src/digest/compose';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { silentLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';
import { FeedServer } from './support/feed-server';
import { serveOutlets } from './support/outlets';

/**
 * The outlets' items date from 18-19 July 2021; followed eleven months later, they are a back
 * catalogue: read into the store for lookups, never announced by a digest.
 */
describe('a newly followed feed’s back catalogue', () => {
  const server = new FeedServer();
  const clock = () => new Date('2022-06-20T06:00:00Z');
  let app: Awaited<ReturnType<typeof openTempApp>>;

  beforeAll(async () => {
    await server.start();
    serveOutlets(server);
  });
  afterAll(() => server.stop());
  afterEach(() => app.dispose());

  async function follow(env: Record<string, string>) {
    app = await openTempApp({ CYBERBRIEF_FETCH_ALLOW: '127.0.0.1', CYBERBRIEF_FETCH_HOST_GAP_MS: '0', ...env }, clock);
    const feeds = new FeedSourceStore(app.kv);
    for (const [path, id] of [
      ['/outlet-a.xml', 'ledger'],
      ['/outlet-b.xml', 'capitol-wire'],
      ['/outlet-c.json', 'veilleur'],
    ] as const) {
      const r = await feeds.add({ url: server.url(path), id }, clock());
      if (!r.ok) throw new Error(r.error);
    }
    return startFeedTimer({ app, log: silentLogger, clock, cron: '0 0 1 1 *' });
  }

  const ingested = () => [...app.briefing.data.allDevelopments()].filter((d) => d.origin === 'ingested');

  it('reaches the brief, marked as backfill, and never the digest or the latest list', async () => {
    const poller = await follow({});
    try {
      const results = await poller.pollNow();
      expect(results.reduce((n, r) => n + (r.backfilled ?? 0), 0)).toBeGreaterThan(0);
    } finally {
      await poller.stop();
    }
    const fresh = ingested();
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((d) => d.backfill === true)).toBe(true);

    const brief = app.briefing.brief('microsoft exchange', 'en');
    expect(brief.status).toBe('found');
    const outletSources = brief.sources.filter((s) => s.url?.startsWith(server.origin));
    expect(outletSources.length).toBeGreaterThan(0);

    // The poll happened in the last day: a digest of that day has nothing from it.
    const digest = composeDigest(app.briefing.data, {
      since: new Date(clock().getTime() - 86_400_000),
      until: new Date(clock().getTime() + 60_000),
      locale: 'en',
    });
    expect(digest.incidents).toEqual([]);
    expect(app.briefing.latest('en', 20).some((i) => i.sources.some((s) => s.url?.startsWith(server.origin)))).toBe(
      false,
    );
  });

  it('reads nothing older than two weeks when backfill is off', async () => {
    const poller = await follow({ CYBERBRIEF_FEEDS_BACKFILL_DAYS: '0' });
    try {
      const results = await poller.pollNow();
      expect(results.every((r) => r.kept === 0)).toBe(true);
    } finally {
      await poller.stop();
    }
    expect(ingested()).toEqual([]);
  });

  it('reads a large back catalogue over several polls, newest first, losing nothing', async () => {
    const poller = await follow({ CYBERBRIEF_FEEDS_BACKFILL_PER_POLL: '1' });
    try {
      const first = await poller.pollNow();
      // One item per feed this time; the rest is left unseen for the next polls.
      expect(first.every((r) => (r.kept ?? 0) + r.irrelevant + r.problems + r.repeated <= 1)).toBe(true);
      expect(first.some((r) => (r.deferred ?? 0) > 0)).toBe(true);
      let polls = 1;
      let last = first;
      while (last.some((r) => (r.deferred ?? 0) > 0) && polls < 10) {
        last = await poller.pollNow();
        polls += 1;
      }
      expect(polls).toBeGreaterThan(1);
      expect(last.every((r) => (r.deferred ?? 0) === 0)).toBe(true);
      const again = await poller.pollNow();
      expect(again.every((r) => r.newItems === 0)).toBe(true);
    } finally {
      await poller.stop();
    }
    expect(ingested().length).toBeGreaterThan(0);
  });
});
