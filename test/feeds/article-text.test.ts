import iconv from 'iconv-lite';
import { readArticleHtml } from '../../src/feeds/article-text';
import { decodeBody } from '../../src/feeds/decode-text';
import { htmlToText } from '../../src/feeds/html-text';
import { fixture } from './support/feed-server';

describe('article text', () => {
  it('keeps the article and drops navigation, asides, footers and scripts', () => {
    const a = readArticleHtml(fixture('articles/a-exchange.html').toString('utf8'));
    expect(a.title).toBe('Western governments accuse China over Microsoft Exchange hacking spree');
    expect(a.language).toBe('en-GB');
    expect(a.published).toBe('2021-07-19T13:05:00.000Z');
    expect(a.text).toMatch(/accused China of being behind the hacking of Microsoft Exchange/);
    expect(a.text).toMatch(/\n\nThe British government said/);
    for (const junk of [
      'Ten gardens',
      'Transfer news',
      'window.tracking',
      'font-family',
      'Copyright The Northern Ledger',
    ])
      expect(a.text).not.toContain(junk);
  });

  it('reads a page built from divs, not article tags', () => {
    const b = readArticleHtml(fixture('articles/b-exchange.html').toString('utf8'));
    expect(b.text).toMatch(/^(Allies blame Beijing[^\n]*\n\n)?WASHINGTON, 19 July 2021/);
    expect(b.text).not.toContain('Newsletter sign-up');
  });

  it('reads a Latin-1 page once decoded by its meta charset', () => {
    const bytes = iconv.encode(fixture('articles/latin1-article.source.html').toString('utf8'), 'latin1');
    const { text: html, charset } = decodeBody(bytes, 'text/html', 'html');
    expect(charset).toBe('windows-1252');
    const a = readArticleHtml(html);
    expect(a.language).toBe('fr');
    expect(a.text).toContain(
      'Le gouvernement norvégien a déclaré que la cyberattaque contre la messagerie du Storting',
    );
    expect(a.text).not.toMatch(/\uFFFD|Ã©/);
  });

  it('still gives the text of a page too short for the extractor', () => {
    const a = readArticleHtml(
      '<html lang="fr"><body><nav>Menu</nav><p>Communiqué bref : la réunion est reportée.</p><footer>Pied</footer></body></html>',
    );
    expect(a.language).toBe('fr');
    expect(a.text).toContain('Communiqué bref : la réunion est reportée.');
  });

  it('turns HTML fragments into text with paragraph breaks and decoded entities', () => {
    expect(htmlToText('<p>Un &amp; deux</p><p>trois<br>quatre</p><script>x()</script>')).toBe(
      'Un & deux\n\ntrois\nquatre',
    );
    expect(htmlToText('plain   text')).toBe('plain text');
  });
});
