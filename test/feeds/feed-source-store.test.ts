import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedIdFromUrl } from '../../src/feeds/feed-source';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { openKv, type KvBackend } from '../../src/store/kv';

const now = new Date('2025-03-01T08:00:00Z');
const starter = [
  {
    id: 'cert-fr-alertes',
    url: 'https://www.cert.ssi.gouv.fr/alerte/feed/',
    title: 'CERT-FR alertes',
    language: 'fr' as const,
    kind: 'cert' as const,
  },
  {
    id: 'ncsc-uk-news',
    url: 'https://www.ncsc.gov.uk/api/1/services/v1/news-rss-feed.xml',
    title: 'NCSC news',
    language: 'en' as const,
    kind: 'cert' as const,
  },
];

describe('feed source store (real SQLite file)', () => {
  let dir: string;
  let kv: KvBackend;
  let store: FeedSourceStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-feeds-'));
    kv = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
    store = new FeedSourceStore(kv);
  });

  afterEach(async () => {
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds feeds with readable unique ids and refuses duplicates and non-http URLs', async () => {
    const a = await store.add({ url: 'https://www.example.org/world/rss.xml', title: 'World' }, now);
    expect(a).toMatchObject({
      ok: true,
      feed: { id: 'example-world', origin: 'added', kind: 'other', addedAt: now.toISOString() },
    });
    const b = await store.add({ url: 'https://www.example.org/world/atom.xml' }, now);
    expect(b).toMatchObject({ ok: true, feed: { id: 'example-world-2' } });
    expect(await store.add({ url: 'https://www.example.org/world/rss.xml' }, now)).toEqual({
      ok: false,
      error: 'already followed as example-world',
    });
    expect(await store.add({ url: 'ftp://example.org/feed' }, now)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an http or https URL/),
    });
    expect(await store.add({ url: 'not a url' }, now)).toMatchObject({ ok: false });
    expect((await store.list()).map((f) => f.id)).toEqual(['example-world', 'example-world-2']);
  });

  it('follows the starter list, keeps a removed starter feed removed, and can leave starters out', async () => {
    expect(await store.syncStarter(starter, now)).toEqual({ added: 2, updated: 0 });
    expect(await store.syncStarter(starter, now)).toEqual({ added: 0, updated: 0 });
    await store.add({ url: 'https://news.example/cyber.xml' }, now);
    expect((await store.list()).length).toBe(3);
    expect((await store.list({ starter: false })).map((f) => f.origin)).toEqual(['added']);
    const removed = await store.remove('cert-fr-alertes', now);
    expect(removed?.id).toBe('cert-fr-alertes');
    expect(await store.syncStarter(starter, now)).toEqual({ added: 0, updated: 0 });
    expect((await store.list()).map((f) => f.id)).toEqual(['ncsc-uk-news', 'news-example-cyber']);
    // A changed starter entry is updated in place.
    expect(await store.syncStarter([{ ...starter[1]!, title: 'NCSC UK news' }], now)).toEqual({ added: 0, updated: 1 });
    expect((await store.find('ncsc-uk-news'))?.title).toBe('NCSC UK news');
  });

  it('finds and removes by id or URL, taking the poll state with it', async () => {
    const r = await store.add({ url: 'https://news.example/cyber.xml' }, now);
    if (!r.ok) throw new Error(r.error);
    await store.saveState(r.feed.id, { failures: 2, seen: ['abc'], etag: '"1"' });
    expect((await store.state(r.feed.id)).failures).toBe(2);
    expect((await store.find('https://news.example/cyber.xml'))?.id).toBe(r.feed.id);
    expect(await store.remove('https://news.example/cyber.xml', now)).toBeDefined();
    expect(await store.remove('https://news.example/cyber.xml', now)).toBeUndefined();
    expect(await store.state(r.feed.id)).toEqual({ failures: 0, seen: [] });
  });

  it('caps the remembered item hashes and changes its revision when the list changes', async () => {
    const rev0 = await store.revision();
    await store.add({ url: 'https://news.example/a.xml' }, now);
    const rev1 = await store.revision();
    expect(rev1).not.toEqual(rev0);
    await store.saveState('news-a', { failures: 0, seen: Array.from({ length: 1500 }, (_, i) => `h${i}`) });
    const st = await store.state('news-a');
    expect(st.seen.length).toBe(1000);
    expect(st.seen[0]).toBe('h0');
    expect(await store.revision()).toBe(rev1);
  });

  it('derives ids from URLs', () => {
    expect(feedIdFromUrl('https://www.cert.ssi.gouv.fr/alerte/feed/')).toBe('cert-ssi-alerte');
    expect(feedIdFromUrl('https://www.consilium.europa.eu/fr/press/press-releases/rss.xml')).toBe(
      'consilium-europa-press-press-releases',
    );
    expect(feedIdFromUrl('http://127.0.0.1:8080/feed.xml')).toBe('127-0-0-1');
  });
});
