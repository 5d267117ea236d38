import { feedSink } from '../../adapters/server/feed-sink';
import { composeDigest } from '../../src/digest/compose';
import { openFeedRuntime, type FeedRuntime } from '../../src/feeds/feed-runtime';
import { loadFeedsConfig } from '../../src/feeds/feeds-config';
import { pollFeeds } from '../../src/feeds/poll';
import { silentLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';
import { FeedServer } from './support/feed-server';
import { serveOutlets } from './support/outlets';

/**
 * Three outlets (two English, one French) report the Exchange attribution of 19 July 2021 in
 * their own words. Through the real pipeline (safe fetch, feed parsing, relevance, page text,
 * ingestion into a SQLite store) the attribution must be stored once, with three sources.
 */
describe('one story told by three outlets in two languages', () => {
  const server = new FeedServer();
  const clock = () => new Date('2021-07-20T06:00:00Z');
  let app: Awaited<ReturnType<typeof openTempApp>>;
  let rt: FeedRuntime;
  let sink: ReturnType<typeof feedSink>;
  let before: Set<string>;

  beforeAll(async () => {
    await server.start();
    serveOutlets(server);
    app = await openTempApp({ CYBERBRIEF_FETCH_ALLOW: '127.0.0.1', CYBERBRIEF_FETCH_HOST_GAP_MS: '0' }, clock);
    sink = feedSink(app, clock);
    rt = openFeedRuntime({
      kv: app.kv,
      kb: app.kb,
      core: app.config,
      feeds: loadFeedsConfig(app.env),
      sink,
      log: silentLogger,
      now: clock,
    });
    for (const [path, id] of [
      ['/outlet-a.xml', 'ledger'],
      ['/outlet-b.xml', 'capitol-wire'],
      ['/outlet-c.json', 'veilleur'],
    ] as const) {
      const r = await rt.store.add({ url: server.url(path), id }, clock());
      if (!r.ok) throw new Error(r.error);
    }
    before = new Set([...app.briefing.data.allDevelopments()].map((d) => d.id));
    const results = await pollFeeds(await rt.followed(), rt.deps);
    expect(results.map((r) => [r.feed.id, r.status, r.kept])).toEqual([
      ['capitol-wire', 'new', 1],
      ['ledger', 'new', 1],
      ['veilleur', 'new', 1],
    ]);
  });

  afterAll(async () => {
    rt.close();
    await sink.flush?.();
    await app.dispose();
    await server.stop();
  });

  function sourceIdOf(path: string): string {
    const s = [...app.briefing.data.sources.values()].find((x) => x.url === server.url(path));
    if (!s) throw new Error(`no source stored for ${path}`);
    return s.id;
  }

  it('stores each outlet’s article as a source, in its language', () => {
    const langs = ['/articles/a-exchange.html', '/articles/b-exchange.html', '/articles/c-exchange.html'].map(
      (p) => app.briefing.data.sources.get(sourceIdOf(p))?.language,
    );
    expect(langs).toEqual(['en', 'en', 'fr']);
    // Off-topic items were not stored.
    expect(
      [...app.briefing.data.sources.values()].some((s) =>
        /tariff|maillot|battery/i.test(`${s.title ?? ''} ${s.text ?? ''}`),
      ),
    ).toBe(false);
  });

  it('keeps the attribution once, with the three articles as its sources', () => {
    const three = [
      sourceIdOf('/articles/a-exchange.html'),
      sourceIdOf('/articles/b-exchange.html'),
      sourceIdOf('/articles/c-exchange.html'),
    ];
    const fresh = [...app.briefing.data.allDevelopments()].filter((d) => !before.has(d.id));
    const attributions = fresh.filter(
      (d) =>
        d.type === 'attribution' &&
        d.incidents.includes('exchange-2021') &&
        d.against.includes('CN') &&
        d.by.includes('GB'),
    );
    expect(attributions).toHaveLength(1);
    expect([...attributions[0]!.sources].sort()).toEqual([...three].sort());
    expect(attributions[0]!.date).toBe('2021-07-19');
    // No development is repeated: no two ingested ones of the same type, day and parties.
    const keys = fresh.map((d) => `${d.type}|${d.date}|${[...d.by].sort()}|${[...d.against].sort()}|${d.incidents[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows it once in the digest, with all its sources', () => {
    // From the poll on: the curated record of the same event dates from 2021 itself and is not news here.
    const digest = composeDigest(app.briefing.data, {
      since: new Date('2021-07-20T00:00:00Z'),
      until: new Date('2021-07-21T00:00:00Z'),
      locale: 'en',
    });
    const entries = digest.incidents
      .flatMap((i) => i.developments)
      .filter(
        (d) => d.type === 'attribution' && d.against.some((a) => a.id === 'CN') && d.by.some((a) => a.id === 'GB'),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sources).toHaveLength(3);
  });

  it('changes nothing when the same feeds are polled again', async () => {
    const count = app.briefing.data.developmentCount;
    const again = await pollFeeds(await rt.followed(), rt.deps);
    expect(again.every((r) => r.newItems === 0)).toBe(true);
    expect(app.briefing.data.developmentCount).toBe(count);
  });
});
