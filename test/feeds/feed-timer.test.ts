import { startFeedTimer } from '../../adapters/server/start-feed-timer';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { jsonLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';
import { FeedServer } from './support/feed-server';
import { serveOutlets } from './support/outlets';

describe('feed poller started by serve', () => {
  const server = new FeedServer();
  const clock = () => new Date('2021-07-20T06:00:00Z');
  let app: Awaited<ReturnType<typeof openTempApp>>;
  let events: { event: string; feeds?: number; developments?: number; polled?: number }[];

  beforeAll(async () => {
    await server.start();
    serveOutlets(server);
  });
  afterAll(() => server.stop());

  beforeEach(async () => {
    app = await openTempApp({ CYBERBRIEF_FETCH_ALLOW: '127.0.0.1', CYBERBRIEF_FETCH_HOST_GAP_MS: '0' }, clock);
    events = [];
    const feeds = new FeedSourceStore(app.kv);
    for (const [path, id] of [
      ['/outlet-a.xml', 'ledger'],
      ['/outlet-b.xml', 'capitol-wire'],
      ['/outlet-c.json', 'veilleur'],
    ] as const) {
      const r = await feeds.add({ url: server.url(path), id }, clock());
      if (!r.ok) throw new Error(r.error);
    }
  });
  afterEach(() => app.dispose());

  const log = () => jsonLogger('debug', (line) => events.push(JSON.parse(line) as (typeof events)[number]));

  it('polls at start, stores what it read, and polls again on demand without repeating anything', async () => {
    const before = app.briefing.data.developmentCount;
    const poller = startFeedTimer({ app, log: log(), clock, cron: '0 0 1 1 *' });
    try {
      const first = await poller.pollNow();
      expect(first.map((r) => r.status)).toEqual(['new', 'new', 'new']);
      expect(app.briefing.data.developmentCount).toBeGreaterThan(before);
      expect(events.find((e) => e.event === 'feeds.poll_done')).toMatchObject({ feeds: 3, polled: 3 });
      const count = app.briefing.data.developmentCount;
      const second = await poller.pollNow();
      expect(second.every((r) => r.newItems === 0)).toBe(true);
      expect(app.briefing.data.developmentCount).toBe(count);
    } finally {
      await poller.stop();
    }
    expect(events.at(-1)?.event).toBe('feeds.poller_stopped');
  });

  it('stops cleanly in the middle of a poll: feeds under way finish, none is half-recorded', async () => {
    const poller = startFeedTimer({ app, log: log(), clock, cron: '0 0 1 1 *' });
    await poller.stop();
    const feeds = new FeedSourceStore(app.kv);
    for (const f of await feeds.list()) {
      const st = await feeds.state(f.id);
      // Either polled to the end (items remembered) or not touched at all.
      if (st.lastStatus !== undefined) expect(st.seen.length).toBeGreaterThan(0);
      else expect(st.seen).toEqual([]);
    }
    expect(events.some((e) => e.event === 'feeds.poller_stopped')).toBe(true);
  });
});
