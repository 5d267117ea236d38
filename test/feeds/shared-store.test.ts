import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllowList } from '../../src/feeds/address-policy';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { HostGate } from '../../src/feeds/host-gate';
import { pollFeed, type PollDeps } from '../../src/feeds/poll';
import { RelevanceModel } from '../../src/feeds/relevance';
import { createFetcher } from '../../src/feeds/safe-fetch';
import { silentLogger } from '../../src/log';
import { openClaims, type ClaimStore } from '../../src/store/claims';
import { type KvBackend, openKv } from '../../src/store/kv';
import { serviceUrl } from '../support/temp-app';
import { FeedServer } from './support/feed-server';
import { outletFeed } from './support/outlets';

/** The feed store and the one-poller-per-feed claim on every backend replicas can share. */
function contract(name: string, open: () => Promise<KvBackend>) {
  describe(`${name}: followed feeds and poll claims`, () => {
    const server = new FeedServer();
    const run = randomBytes(4).toString('hex');
    let kv: KvBackend;
    let store: FeedSourceStore;
    let claims: ClaimStore;
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const now = () => new Date('2021-07-20T06:00:00Z');

    beforeAll(async () => {
      kv = await open();
      store = new FeedSourceStore(kv, { namespace: `feedtest${run}` });
      claims = openClaims(kv, { table: `feed_claims_${run}`, prefix: `cyberbrief-test:${run}:claim:` });
      await server.start();
      server.route('/held.xml', (_req, res) => {
        // Answers only when the test says so: the first poller holds its claim meanwhile.
        void gate.then(() => {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(outletFeed(server, 'outlet-a.rss.xml'));
        });
      });
    });

    afterAll(async () => {
      await store.clear();
      await claims.destroy();
      await kv.close();
      await server.stop();
    });

    it('adds, lists, keeps poll state apart and removes feeds', async () => {
      const a = await store.add({ url: 'https://news.example/a.xml', title: 'A' }, now());
      expect(a.ok).toBe(true);
      await store.syncStarter(
        [{ id: 'starter-one', url: 'https://agency.example/feed', title: 'One', language: 'fr', kind: 'cert' }],
        now(),
      );
      expect((await store.list()).map((f) => f.id)).toEqual(['news-example-a', 'starter-one']);
      await store.saveState('news-example-a', {
        failures: 1,
        seen: ['x', 'y'],
        lastStatus: 'failed',
        lastReason: 'HTTP 500',
      });
      expect(await store.state('news-example-a')).toMatchObject({
        failures: 1,
        seen: ['x', 'y'],
        lastReason: 'HTTP 500',
      });
      await store.remove('starter-one', now());
      await store.syncStarter(
        [{ id: 'starter-one', url: 'https://agency.example/feed', title: 'One', language: 'fr', kind: 'cert' }],
        now(),
      );
      expect((await store.list()).map((f) => f.id)).toEqual(['news-example-a']);
    });

    it('lets only one of two replicas poll a feed at a time', async () => {
      const feed = await store.add({ url: server.url('/held.xml'), id: 'held' }, now());
      if (!feed.ok) throw new Error(feed.error);
      const allow = parseAllowList('127.0.0.1');
      if (!allow.ok) throw new Error(allow.error);
      const replica = (owner: string): PollDeps => ({
        fetcher: createFetcher({ policy: allow.policy, userAgent: 'cyberbrief/test' }),
        gate: new HostGate(0),
        store,
        relevance: new RelevanceModel(),
        sink: { ingest: async () => ({ status: 'stored', developments: 1, merged: 0 }) },
        log: silentLogger,
        now,
        claims: { store: claims, owner, leaseMs: 60_000 },
      });
      const [a, b] = [replica('replica-a'), replica('replica-b')];
      gate = new Promise<void>((r) => (release = r));
      const polls = [pollFeed(feed.feed, a), pollFeed(feed.feed, b)];
      const loser = await Promise.race(polls);
      expect(loser.status).toBe('busy');
      release();
      const results = await Promise.all(polls);
      expect(results.map((r) => r.status).sort()).toEqual(['busy', 'new']);
      expect(server.hits('/held.xml')).toHaveLength(1);
      a.fetcher.close();
      b.fetcher.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-feedstore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
contract('sqlite', () => openKv(`sqlite://${join(dir, 'store.sqlite')}`));

const redis = serviceUrl('CYBERBRIEF_TEST_REDIS_URL');
// Without the variable jest reports the suite as skipped, not passed.
(redis ? describe : describe.skip)('on Redis (CYBERBRIEF_TEST_REDIS_URL)', () =>
  contract('redis', () => openKv(redis!)),
);

const pg = serviceUrl('CYBERBRIEF_TEST_PG_URL');
(pg ? describe : describe.skip)('on PostgreSQL (CYBERBRIEF_TEST_PG_URL)', () =>
  contract('postgres', () => openKv(pg!)),
);
