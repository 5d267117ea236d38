import iconv from 'iconv-lite';
import { FeedServer, fixture } from './feed-server';

/** The fixture feeds with their links pointing at this server. */
export function outletFeed(server: FeedServer, name: string): string {
  const fragment = fixture('articles/c-exchange.fragment.html').toString('utf8');
  return fixture(name)
    .toString('utf8')
    .replaceAll('{{ORIGIN}}', server.origin)
    .replace('"{{C_EXCHANGE_HTML}}"', JSON.stringify(fragment));
}

/**
 * Three outlets telling the Exchange attribution of 19 July 2021 (two in English, one in French),
 * each with unrelated items, plus the article pages they link to.
 */
export function serveOutlets(server: FeedServer): void {
  server
    .serve('/outlet-a.xml', outletFeed(server, 'outlet-a.rss.xml'), 'application/rss+xml; charset=utf-8')
    .serve('/outlet-b.xml', outletFeed(server, 'outlet-b.atom.xml'), 'application/atom+xml')
    .serve('/outlet-c.json', outletFeed(server, 'outlet-c.feed.json'), 'application/feed+json')
    .serve('/articles/a-exchange.html', fixture('articles/a-exchange.html'), 'text/html; charset=utf-8')
    .serve('/articles/b-exchange.html', fixture('articles/b-exchange.html'), 'text/html')
    .serve('/articles/b-tariffs.html', fixture('articles/b-tariffs.html'), 'text/html; charset=utf-8')
    .serve('/articles/a-phone.html', '<html><body><p>Phone review.</p></body></html>', 'text/html')
    .serve('/articles/a-laptop.html', '<html><body><p>Laptop tips.</p></body></html>', 'text/html')
    .serve(
      '/articles/norway.html',
      iconv.encode(fixture('articles/latin1-article.source.html').toString('utf8'), 'latin1'),
      'text/html; charset=iso-8859-1',
    );
}
