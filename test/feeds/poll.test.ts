import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllowList } from '../../src/feeds/address-policy';
import type { ArticleSink, FeedArticle } from '../../src/feeds/article-sink';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { HostGate } from '../../src/feeds/host-gate';
import { pollFeed, pollFeeds, type PollDeps } from '../../src/feeds/poll';
import { RelevanceModel } from '../../src/feeds/relevance';
import { createFetcher } from '../../src/feeds/safe-fetch';
import { loadKnowledgeBase } from '../../src/kb/load';
import { jsonLogger } from '../../src/log';
import { openClaims } from '../../src/store/claims';
import { openKv, type KvBackend } from '../../src/store/kv';
import { conditional, FeedServer, fixture, redirect } from './support/feed-server';
import { serveOutlets } from './support/outlets';

const relevance = RelevanceModel.fromKnowledgeBase(loadKnowledgeBase());

describe('polling feeds from a loopback server', () => {
  const server = new FeedServer();
  let dir: string;
  let kv: KvBackend;
  let store: FeedSourceStore;
  let deps: PollDeps;
  let received: FeedArticle[];
  let logs: { level: string; event: string; reason?: string; feed?: string }[];
  let clock: Date;
  let feedVersion = '1';

  beforeAll(async () => {
    await server.start();
    serveOutlets(server);
    server
      .serve('/broken.xml', fixture('malformed.xml'), 'application/rss+xml')
      .route('/moved.xml', redirect('http://10.0.0.1/feed.xml'))
      .route('/nordic.xml', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          `<rss version="2.0"><channel><title>Nordic desk</title><language>fr</language><item><title>La Norvège accuse la Chine</title><link>${server.url('/articles/norway.html')}</link><guid>n1</guid><pubDate>Mon, 19 Jul 2021 10:00:00 GMT</pubDate><description>Oslo met en cause Pékin après le piratage de la messagerie du Parlement.</description></item></channel></rss>`,
        );
      })
      .route(
        '/conditional.xml',
        conditional(
          () => ({
            text: fixture('outlet-a.rss.xml')
              .toString()
              .replaceAll('{{ORIGIN}}', server.origin)
              .replace(
                '<item>',
                feedVersion === '1' ? '<item>' : '<item><title>Extra</title><guid>extra</guid></item><item>',
              ),
            version: feedVersion,
            modified: new Date('2021-07-19T15:00:00Z'),
          }),
          'application/rss+xml',
        ),
      );
  });
  afterAll(() => server.stop());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-poll-'));
    kv = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
    store = new FeedSourceStore(kv);
    received = [];
    logs = [];
    clock = new Date('2021-07-20T06:00:00Z');
    const allow = parseAllowList('127.0.0.1');
    if (!allow.ok) throw new Error(allow.error);
    const sink: ArticleSink = {
      async ingest(article) {
        received.push(article);
        return { status: 'stored', developments: 1, merged: 0 };
      },
    };
    deps = {
      fetcher: createFetcher({ policy: allow.policy, userAgent: 'cyberbrief/test', timeoutMs: 3000 }),
      gate: new HostGate(0),
      store,
      relevance,
      sink,
      log: jsonLogger('debug', (line) => logs.push(JSON.parse(line) as (typeof logs)[number])),
      now: () => clock,
    };
  });

  afterEach(async () => {
    deps.fetcher.close();
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function follow(path: string, id: string, language?: string) {
    const r = await store.add({ url: server.url(path), id, language }, clock);
    if (!r.ok) throw new Error(r.error);
    return r.feed;
  }

  it('reads new items, keeps the relevant one, and never fetches pages whose summary is off topic', async () => {
    const feed = await follow('/outlet-a.xml', 'outlet-a');
    server.requests.length = 0;
    const r = await pollFeed(feed, deps);
    expect(r).toMatchObject({ status: 'new', newItems: 3, kept: 1, irrelevant: 2, developments: 1, problems: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      feedId: 'outlet-a',
      url: server.url('/articles/a-exchange.html'),
      language: 'en',
      published: '2021-07-19T13:05:00.000Z',
    });
    expect(received[0]?.text).toMatch(
      /^The United Kingdom, the United States and the European Union on 19 July 2021 accused China/,
    );
    expect(received[0]?.text).not.toContain('Most read');
    expect(server.hits('/articles/a-phone.html')).toHaveLength(0);
    expect(server.hits('/articles/a-laptop.html')).toHaveLength(0);

    // The same items on the next poll are not new.
    const again = await pollFeed(feed, deps);
    expect(again).toMatchObject({ status: 'new', newItems: 0, kept: 0 });
    expect(received).toHaveLength(1);
  });

  it('takes the full text from a JSON Feed without fetching the page, and fetches pages for Atom summaries', async () => {
    const c = await follow('/outlet-c.json', 'outlet-c');
    const b = await follow('/outlet-b.xml', 'outlet-b');
    const [rc, rb] = await pollFeeds([c, b], deps);
    expect(rc).toMatchObject({ status: 'new', newItems: 2, kept: 1, irrelevant: 1 });
    expect(rb).toMatchObject({ status: 'new', newItems: 2, kept: 1, irrelevant: 1 });
    expect(server.hits('/articles/c-exchange.html')).toHaveLength(0);
    expect(server.hits('/articles/b-tariffs.html')).toHaveLength(1);
    const fr = received.find((a) => a.feedId === 'outlet-c');
    expect(fr).toMatchObject({
      language: 'fr',
      publisher: 'Le Veilleur - International',
      title: "Piratage d'Exchange : Washington, Londres et l'UE mettent en cause Pékin",
    });
    expect(fr?.text).toMatch(/^Les États-Unis, le Royaume-Uni et l'Union européenne ont accusé la Chine/);
  });

  it('uses conditional GET: 304 is "not modified" and a changed feed brings only its new item', async () => {
    const feed = await follow('/conditional.xml', 'cond');
    expect((await pollFeed(feed, deps)).status).toBe('new');
    const second = await pollFeed(feed, deps);
    expect(second.status).toBe('not_modified');
    expect(server.hits('/conditional.xml').at(-1)?.headers['if-none-match']).toBe('"v-1"');
    feedVersion = '2';
    const third = await pollFeed(feed, deps);
    expect(third).toMatchObject({ status: 'new', newItems: 1 });
    expect((await store.state('cond')).etag).toBe('"v-2"');
  });

  it('records a malformed feed as failed, backs off, and reports instead of retrying in a loop', async () => {
    const feed = await follow('/broken.xml', 'broken');
    const first = await pollFeed(feed, deps);
    expect(first).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^malformed XML at line/) });
    const state = await store.state('broken');
    expect(state).toMatchObject({ failures: 1, lastStatus: 'failed' });
    const next = Date.parse(state.nextPollAt ?? '');
    expect(next - clock.getTime()).toBeGreaterThanOrEqual(15 * 60_000);
    expect(next - clock.getTime()).toBeLessThanOrEqual(16.5 * 60_000);
    const hits = server.hits('/broken.xml').length;
    expect(await pollFeed(feed, deps)).toMatchObject({ status: 'deferred' });
    expect(server.hits('/broken.xml').length).toBe(hits);
    // An operator's poll ignores the back-off; the failure count keeps growing, and so does the wait.
    expect((await pollFeed(feed, deps, { force: true })).status).toBe('failed');
    const st2 = await store.state('broken');
    expect(st2.failures).toBe(2);
    expect(Date.parse(st2.nextPollAt ?? '') - clock.getTime()).toBeGreaterThanOrEqual(30 * 60_000);
    expect(logs.filter((l) => l.event === 'feeds.feed_failed' && l.feed === 'broken')).toHaveLength(2);
  });

  it('refuses a feed that redirects to a private address, with the reason logged', async () => {
    const feed = await follow('/moved.xml', 'moved');
    const r = await pollFeed(feed, deps);
    expect(r).toMatchObject({ status: 'refused', reason: '10.0.0.1 is a private (RFC 1918) address' });
    expect(logs.find((l) => l.event === 'feeds.feed_refused')).toMatchObject({
      level: 'warn',
      feed: 'moved',
      reason: '10.0.0.1 is a private (RFC 1918) address',
    });
    expect((await store.state('moved')).failures).toBe(1);
  });

  it('reads a Latin-1 article page linked from a feed', async () => {
    const feed = await follow('/nordic.xml', 'nordic');
    expect(await pollFeed(feed, deps)).toMatchObject({ status: 'new', kept: 1 });
    expect(received[0]).toMatchObject({ language: 'fr', publisher: 'Nordic desk' });
    expect(received[0]?.text).toContain(
      'Le gouvernement norvégien a déclaré que la cyberattaque contre la messagerie du Storting',
    );
    expect(received[0]?.text).not.toMatch(/\uFFFD|Ã©/);
  });

  it('hands items older than two weeks over as backfill, and beyond the backfill window not at all', async () => {
    clock = new Date('2021-09-30T00:00:00Z');
    const feed = await follow('/outlet-a.xml', 'outlet-a');
    const r = await pollFeed(feed, deps);
    expect(r).toMatchObject({ status: 'new', newItems: 3 });
    expect(r.backfilled).toBe(r.kept);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((a) => a.backfill === true)).toBe(true);
  });

  it('remembers items older than the backfill window as seen without reading them', async () => {
    clock = new Date('2023-01-30T00:00:00Z');
    const feed = await follow('/outlet-a.xml', 'outlet-a');
    const r = await pollFeed(feed, deps);
    expect(r).toMatchObject({ status: 'new', newItems: 3, kept: 0 });
    expect(received).toHaveLength(0);
    expect((await pollFeed(feed, deps)).newItems).toBe(0);
  });

  it('leaves a feed to the replica that holds its claim', async () => {
    const claims = openClaims(kv, { table: 'test_feed_claims' });
    const feed = await follow('/outlet-a.xml', 'outlet-a');
    expect(await claims.acquire('feed-poll:outlet-a', 'other-replica', 60_000)).toBe(true);
    const busy = await pollFeed(feed, { ...deps, claims: { store: claims, owner: 'me' } });
    expect(busy).toMatchObject({ status: 'busy' });
    await claims.release('feed-poll:outlet-a', 'other-replica');
    const polled = await pollFeed(feed, { ...deps, claims: { store: claims, owner: 'me' } });
    expect(polled.status).toBe('new');
    // Released after the poll: the other replica can take it next time.
    expect(await claims.acquire('feed-poll:outlet-a', 'other-replica', 60_000)).toBe(true);
    await claims.destroy();
  });
});
