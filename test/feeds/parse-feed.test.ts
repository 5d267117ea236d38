import { parseFeed } from '../../src/feeds/parse-feed';
import { fixture } from './support/feed-server';

const ORIGIN = 'http://127.0.0.1:9';
const read = (name: string) =>
  fixture(name).toString('utf8').replaceAll('{{ORIGIN}}', ORIGIN).replace('{{C_EXCHANGE_HTML}}', '<p>Texte.</p>');

describe('parseFeed', () => {
  it('reads RSS 2.0 items with plain-text summaries, dates and the channel language', () => {
    const r = parseFeed(read('outlet-a.rss.xml'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed).toMatchObject({ format: 'rss', title: 'The Northern Ledger - Security desk', language: 'en' });
    expect(r.feed.items).toHaveLength(3);
    const first = r.feed.items[0]!;
    expect(first).toMatchObject({
      key: 'ledger-2021-07-19-exchange',
      url: `${ORIGIN}/articles/a-exchange.html`,
      title: 'Western governments accuse China over Microsoft Exchange hacking spree',
      published: '2021-07-19T13:05:00.000Z',
      language: 'en',
    });
    expect(first.summary).toBe(
      "Britain, the United States and the EU say hackers working for China's Ministry of State Security exploited Exchange servers.",
    );
  });

  it('reads Atom entries: alternate link, escaped HTML titles and inline XHTML summaries', () => {
    const r = parseFeed(read('outlet-b.atom.xml'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.format).toBe('atom');
    expect(r.feed.items.map((i) => i.title)).toEqual([
      'Allies blame Beijing for Exchange email server attacks',
      'Trade ministers agree to resume talks on farm tariffs',
    ]);
    expect(r.feed.items[0]).toMatchObject({
      key: 'urn:cyberbrief-test:capitol-wire:2021-07-19-exchange',
      url: `${ORIGIN}/articles/b-exchange.html`,
      published: '2021-07-19T17:20:00.000Z',
      language: 'en',
    });
    expect(r.feed.items[1]?.summary).toMatch(/^The two sides will meet again in September/);
  });

  it('reads JSON Feed 1.1 with HTML content turned into text', () => {
    const r = parseFeed(read('outlet-c.feed.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed).toMatchObject({ format: 'json', language: 'fr', title: 'Le Veilleur - International' });
    expect(r.feed.items[0]).toMatchObject({
      key: 'veilleur-2021-07-19-exchange',
      content: 'Texte.',
      published: '2021-07-19T17:10:00.000Z',
      language: 'fr',
    });
    expect(r.feed.items[1]?.content).toBeUndefined();
  });

  it('reads RSS 1.0 (RDF) and resolves relative links against the feed URL', () => {
    const rdf = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://agency.example/"><title>Agency notes</title><dc:language>fr</dc:language></channel>
        <item rdf:about="https://agency.example/notes/1"><title>Note 1</title><link>/notes/1</link><dc:date>2024-05-02T08:00:00+02:00</dc:date></item>
      </rdf:RDF>`;
    const r = parseFeed(rdf, 'https://agency.example/feed.rdf');
    expect(r.ok && r.feed.items[0]).toMatchObject({
      url: 'https://agency.example/notes/1',
      published: '2024-05-02T06:00:00.000Z',
      language: 'fr',
    });
  });

  it('reports malformed XML with its line instead of throwing', () => {
    const r = parseFeed(read('malformed.xml'));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^malformed XML at line \d+: .*item/) });
  });

  it('tells a non-feed document and foreign JSON apart from feeds', () => {
    expect(parseFeed('<html><body>hello</body></html>')).toEqual({
      ok: false,
      error: 'not a feed (root element html)',
    });
    expect(parseFeed('{"hello": "world"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a JSON Feed/),
    });
    expect(parseFeed('{"version": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed JSON/) });
    expect(parseFeed('just words')).toMatchObject({ ok: false });
  });

  it('refuses entity expansion bombs', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
      <rss version="2.0"><channel><title>t</title><item><title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title></item></channel></rss>`;
    const r = parseFeed(lol);
    expect(r.ok).toBe(true);
    // Ten million characters if expanded; nested entities are left as written instead.
    if (r.ok) expect(r.feed.items[0]?.title.length ?? 0).toBeLessThan(10_000);
  });

  it('gives every item a stable key even without guid or link', () => {
    const rss =
      '<rss version="2.0"><channel><title>t</title><item><title>Only a title</title><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>';
    const a = parseFeed(rss);
    const b = parseFeed(rss);
    expect(a.ok && a.feed.items[0]?.key).toMatch(/^h:[0-9a-f]{20}$/);
    expect(a.ok && b.ok && a.feed.items[0]?.key === b.feed.items[0]?.key).toBe(true);
  });
});
