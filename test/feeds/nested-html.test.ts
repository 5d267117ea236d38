import { startFeedTimer } from '../../adapters/server/start-feed-timer';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { HtmlReaderPool } from '../../src/feeds/html-reader';
import { Ingestor } from '../../src/ingest/ingest';
import { MAX_HTML_DEPTH, readHtml } from '../../src/ingest/read/html';
import { jsonLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';
import { FeedServer, fixture } from './support/feed-server';
import { outletFeed } from './support/outlets';

const ARTICLE = fixture('articles/a-exchange.html').toString('utf8');

/** The fixture article with its text buried under `depth` nested divs (a 28 KB page at 2,500). */
function buried(depth: number): string {
  return ARTICLE.replace('<article>', `${'<div>'.repeat(depth)}<article>`).replace(
    '</article>',
    `</article>${'</div>'.repeat(depth)}`,
  );
}

describe('deeply nested pages', () => {
  it.each([2_500, 16_000])('reads the text under %i nested divs without overflowing the stack', (depth) => {
    const r = readHtml(buried(depth));
    expect(r.text).toMatch(/Ministry of State Security/);
    expect(r.text).not.toMatch(/Ten gardens to visit/);
  });

  it('keeps a page nested less than the cap as Readability reads it', () => {
    expect(readHtml(buried(MAX_HTML_DEPTH - 20)).text).toBe(readHtml(ARTICLE).text);
  });
});

describe('reading pages in workers', () => {
  it('refuses a page over its time budget, replaces the worker and goes on', async () => {
    const pool = new HtmlReaderPool({ size: 1, budgetMs: 5 });
    const slow = `<html><body>${'<div><p>Hackers working for a ministry exploited servers.</p><span>x</span></div>'.repeat(40_000)}</body></html>`;
    try {
      expect(await pool.read(slow)).toEqual({
        ok: false,
        reason: 'reading the page took longer than 0.005 s; refused',
      });
    } finally {
      await pool.close();
    }
    const roomy = new HtmlReaderPool({ size: 1 });
    try {
      const r = await roomy.read(ARTICLE);
      expect(r).toMatchObject({ ok: true, page: { text: expect.stringMatching(/Ministry of State Security/) } });
    } finally {
      await roomy.close();
    }
  }, 60_000);
});

describe('a feed linking to a page of 2,500 nested divs', () => {
  const server = new FeedServer();
  const clock = () => new Date('2021-07-20T06:00:00Z');

  beforeAll(async () => {
    await server.start();
    const feed = outletFeed(server, 'outlet-a.rss.xml').replace('/articles/a-exchange.html', '/articles/nested.html');
    server
      .serve('/outlet-a.xml', feed, 'application/rss+xml; charset=utf-8')
      .serve('/articles/nested.html', buried(2_500), 'text/html; charset=utf-8')
      .serve('/articles/a-phone.html', '<html><body><p>Phone review.</p></body></html>', 'text/html')
      .serve('/articles/a-laptop.html', '<html><body><p>Laptop tips.</p></body></html>', 'text/html');
  });
  afterAll(() => server.stop());

  it('is read while the event loop keeps answering', async () => {
    const app = await openTempApp({ CYBERBRIEF_FETCH_ALLOW: '127.0.0.1', CYBERBRIEF_FETCH_HOST_GAP_MS: '0' }, clock);
    const events: { event: string; reason?: string }[] = [];
    const log = jsonLogger('debug', (l) => events.push(JSON.parse(l) as (typeof events)[number]));
    const r = await new FeedSourceStore(app.kv).add({ url: server.url('/outlet-a.xml'), id: 'ledger' }, clock());
    if (!r.ok) throw new Error(r.error);
    // The first extraction in a process loads and compiles the date and sentence readers (about a
    // second, once): done before the clock starts, since that cost is not the page's.
    new Ingestor(app.briefing, clock).read({ bytes: Buffer.from(readHtml(ARTICLE).text), name: 'warm-up.txt' });
    const poller = startFeedTimer({ app, log, clock, cron: '0 0 1 1 *', pollAtStart: false });
    // What /healthz needs: a timer that keeps firing. The gap between ticks is the longest stall.
    let last = Date.now();
    let worst = 0;
    const tick = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    try {
      const [result] = await poller.pollNow();
      expect(result).toMatchObject({ status: 'new', kept: 1 });
      expect(result!.developments).toBeGreaterThan(0);
      expect(events.filter((e) => e.event === 'feed.item_unreadable')).toEqual([]);
    } finally {
      clearInterval(tick);
      await poller.stop();
      await app.dispose();
    }
    // Far below the 15 s stall seen before, and below Slack's 3 s acknowledgement deadline.
    expect(worst).toBeLessThan(1_500);
  }, 60_000);
});
