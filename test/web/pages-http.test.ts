import { startServe, type Serving } from '../../adapters/server/start-serve';
import { BriefLinks, LinkConfig } from '../../src/links/brief-links';
import { openTempApp } from '../support/temp-app';

const SECRET = 'test-link-secret-0123456789abcdef0123456789';
const PUBLIC_URL = 'https://briefs.example.org';

describe('full brief pages over HTTP (signed links)', () => {
  let serving: Serving;
  let base: string;
  let links: BriefLinks;

  beforeAll(async () => {
    const app = await openTempApp({ CYBERBRIEF_PUBLIC_URL: PUBLIC_URL, CYBERBRIEF_LINK_SECRET: SECRET });
    links = app.links!;
    serving = await startServe(app, { port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${serving.port}`;
  });
  afterAll(() => serving.stop());

  const local = (url: string) => url.replace(PUBLIC_URL, base);

  it('serves a signed link with the brief, its sources and strict security headers', async () => {
    const url = links.url('wannacry', 'en');
    expect(url).toMatch(/^https:\/\/briefs\.example\.org\/briefs\/wannacry\?lang=en&exp=\d+&sig=[A-Za-z0-9_-]{43}$/);
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('WannaCry');
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<svg[^>]*class="chart timeline"[^>]*role="img"/);
    expect(page).toMatch(/<svg[^>]*class="chart blame"/);
    expect(page).toMatch(/<li id="source-1">/);
    expect(page).toMatch(/Knowledge base as of \w+ \d{4}/);
    // Page weight, SVGs included.
    expect(Buffer.byteLength(page)).toBeLessThan(150_000);
  });

  it('serves the French page when the link says so, with its own signed link back to English', async () => {
    const page = await (await fetch(local(links.url('wannacry', 'fr')))).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Chronologie');
    const back = /class="switch"[^>]*href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(back).toMatch(/^\.\/wannacry\?lang=en&exp=\d+&sig=/);
    expect((await fetch(`${base}/briefs/${back!.slice(2)}`)).status).toBe(200);
  });

  it('refuses a missing, altered, re-targeted or expired signature with 403 and no brief', async () => {
    const good = new URL(local(links.url('wannacry', 'en')));
    const cases: string[] = [];
    cases.push(`${base}/briefs/wannacry?lang=en`);
    const altered = new URL(good);
    const sig = good.searchParams.get('sig')!;
    // One character changed, whatever it was.
    altered.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
    cases.push(altered.toString());
    const otherSubject = new URL(good);
    otherSubject.pathname = '/briefs/notpetya';
    cases.push(otherSubject.toString());
    const otherLang = new URL(good);
    otherLang.searchParams.set('lang', 'fr');
    cases.push(otherLang.toString());
    const longer = new URL(good);
    longer.searchParams.set('exp', String(Number(good.searchParams.get('exp')) + 86_400));
    cases.push(longer.toString());
    const expired = links.url('wannacry', 'en', new Date(Date.now() - 31 * 86_400_000));
    cases.push(local(expired));
    for (const url of cases) {
      const res = await fetch(url);
      expect([url, res.status]).toEqual([url, 403]);
      const page = await res.text();
      expect(page).not.toContain('Lazarus');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect(await (await fetch(local(expired))).text()).toContain('expired');
  });

  it('answers hostile paths and queries with 4xx, never 5xx', async () => {
    const paths = [
      '/briefs/%',
      '/briefs/%E0%A4%A',
      '/briefs/..%2F..%2Fetc%2Fpasswd',
      '/briefs/../../etc/passwd',
      `/briefs/${'a'.repeat(5000)}`,
      `/briefs/wannacry?lang=${'x'.repeat(3000)}`,
      '/briefs/wannacry?lang=de&exp=1&sig=x',
      '/briefs/%00',
      '/briefs/<script>alert(1)</script>',
      '/briefs/wannacry?sig[]=1&exp[]=2',
      '/briefs/',
    ];
    for (const p of paths) {
      const res = await fetch(`${base}${p}`);
      expect([p, res.status >= 400 && res.status < 500]).toEqual([p, true]);
      expect(await res.text()).not.toContain('<script>alert');
    }
  });

  it('gives 404 for a validly signed link to an unknown subject', async () => {
    const res = await fetch(local(links.url('no-such-incident', 'en')));
    expect(res.status).toBe(404);
  });

  it('serves an actor page with its incidents by year and role', async () => {
    const res = await fetch(local(links.url('KP', 'en')));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/<svg[^>]*class="chart actor"/);
    expect(page).toContain('href="./wannacry?lang=en&amp;exp=');
  });

  it('serves the stylesheet with nosniff', async () => {
    const res = await fetch(`${base}/assets/brief.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('@media print');
  });
});

describe('public pages (CYBERBRIEF_WEB_PUBLIC=1)', () => {
  let serving: Serving;
  let base: string;
  beforeAll(async () => {
    const app = await openTempApp({ CYBERBRIEF_PUBLIC_URL: PUBLIC_URL, CYBERBRIEF_WEB_PUBLIC: '1' });
    serving = await startServe(app, { port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${serving.port}`;
  });
  afterAll(() => serving.stop());

  it('opens pages without a signature and lists incidents with a search', async () => {
    expect((await fetch(`${base}/briefs/wannacry?lang=en`)).status).toBe(200);
    const index = await fetch(`${base}/briefs/?lang=en&q=${encodeURIComponent('<b>wanna')}`);
    expect(index.status).toBe(200);
    const page = await index.text();
    expect(page).toContain('value="&lt;b&gt;wanna"');
    const all = await (await fetch(`${base}/briefs/?lang=fr`)).text();
    expect(all).toContain('href="./wannacry?lang=fr"');
  });
});

describe('link configuration', () => {
  it('requires a secret of at least 32 characters once a public URL is set', () => {
    const r = LinkConfig.safeParse({ CYBERBRIEF_PUBLIC_URL: PUBLIC_URL });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('CYBERBRIEF_LINK_SECRET');
    expect(LinkConfig.safeParse({ CYBERBRIEF_PUBLIC_URL: PUBLIC_URL, CYBERBRIEF_LINK_SECRET: 'short' }).success).toBe(
      false,
    );
    expect(LinkConfig.safeParse({}).success).toBe(true);
    expect(BriefLinks.fromConfig(LinkConfig.parse({}))).toBeUndefined();
  });

  it('fails fast at start, naming the variable', async () => {
    await expect(openTempApp({ CYBERBRIEF_PUBLIC_URL: PUBLIC_URL })).rejects.toThrow(/CYBERBRIEF_LINK_SECRET/);
  });
});
