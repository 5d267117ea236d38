import iconv from 'iconv-lite';
import { MAX_ARTICLE_BYTES } from '../../src/ingest/read/decode';
import { readArticle, readArticleText } from '../../src/ingest/read/read-article';

const BODY =
  "Le gouvernement norvégien a accusé mardi la Russie d'être responsable de l'intrusion dans la messagerie du Parlement. " +
  "L'ambassade de Russie a rejeté ces accusations, qu'elle juge sans fondement, et réclame des preuves. " +
  'Les services de sécurité poursuivent leur enquête sur les comptes compromis des élus et des employés.';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('reading an article', () => {
  it('reads the seed format: the date on the first line, the text possibly on the same line', () => {
    const r = readArticleText(` date 2020-10 ${BODY}\n\nSecond paragraph with more words to read here.`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.format).toBe('seed');
    expect(r.article.published).toBe('2020-10');
    expect(r.article.text.startsWith('Le gouvernement norvégien')).toBe(true);
    expect(r.article.text).toContain('\n\nSecond paragraph');
  });

  it('reads a plain-text header block for title, date and URL', () => {
    const r = readArticleText(`Title: Oslo blames Moscow\nDate: 2020-10-13\nURL: https://example.org/a\n\n${BODY}`);
    expect(r.ok && r.article).toMatchObject({
      format: 'text',
      title: 'Oslo blames Moscow',
      published: '2020-10-13',
      url: 'https://example.org/a',
    });
  });

  it('reads Markdown: front matter for metadata, markup dropped, link text kept', () => {
    const md = `---\ntitle: Stortinget\ndate: 2020-10-13\n---\n# Heading\n\n${BODY} See [the report](https://example.org/r) for **details**.`;
    const r = readArticleText(md, 'note.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article).toMatchObject({ format: 'markdown', title: 'Stortinget', published: '2020-10-13' });
    expect(r.article.text).toContain('See the report for details.');
    expect(r.article.text).not.toMatch(/\*\*|\]\(|^---/m);
  });

  it('keeps only the main text of an HTML page: no scripts, navigation or footer', () => {
    const html = `<!doctype html><html lang="fr"><head><title>Oslo accuse Moscou</title>
      <meta property="article:published_time" content="2020-10-13T09:00:00+02:00">
      <script>var secret = "TEXTE DE SCRIPT";</script></head>
      <body><nav>Accueil Monde Sport MENU-NAV</nav><article><h1>Oslo accuse Moscou</h1>
      <p>${BODY}</p><p>${BODY}</p><script>document.write("INJECTION")</script></article>
      <footer>PIED-DE-PAGE mentions légales</footer></body></html>`;
    const r = readArticleText(html, 'page.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article).toMatchObject({ format: 'html', published: '2020-10-13', declaredLanguage: 'fr' });
    expect(r.article.text).toContain('Le gouvernement norvégien a accusé mardi');
    for (const junk of ['TEXTE DE SCRIPT', 'INJECTION', 'MENU-NAV', 'PIED-DE-PAGE'])
      expect(r.article.text).not.toContain(junk);
  });

  it('reads Latin-1 (Windows-1252) text without mangling accents', () => {
    const r = readArticle(iconv.encode(`Date: 2020-10-13\n\n${BODY}`, 'latin1'), 'latin1.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.encoding).toBe('windows-1252');
    expect(r.article.text).toContain('norvégien');
    expect(r.article.text).not.toContain('\uFFFD');
  });

  it('refuses bad input with a sentence that says why', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty/],
      [utf8('   \n\t  \n'), /empty/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]), /PDF/],
      [new Uint8Array([104, 105, 0, 1, 2, 3, 0, 200, 201, 0]), /binary/],
      [utf8('id,name,score\n1,a,2\n3,b,4\n5,c,6\n7,d,8\n9,e,10\n11,f,12\n13,g,14'), /not an article/],
      [utf8('Just a caption.'), /not an article: only \d+ words?/],
    ];
    for (const [bytes, why] of cases) {
      const r = readArticle(bytes, 'x.txt');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(why);
    }
  });

  it('refuses a file too large to be an article before reading it', () => {
    const r = readArticle(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(97), 'huge.txt');
    expect(r).toEqual({ ok: false, problem: expect.stringMatching(/too large .*limit is 5 MB/) });
  });
});
