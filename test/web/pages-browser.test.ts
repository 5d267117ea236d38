/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { startServe, type Serving } from '../../adapters/server/start-serve';
import { renderBrief as renderSlackBrief } from '../../adapters/slack/render-brief';
import { renderBrief as renderTeamsBrief } from '../../adapters/teams/render-brief';
import type { BriefLinks } from '../../src/links/brief-links';
import { CHROMIUM, launchChromium } from '../support/chromium';
import { openTempApp } from '../support/temp-app';

const PUBLIC_URL = 'https://briefs.example.org';

(existsSync(CHROMIUM) ? describe : describe.skip)('full brief pages in headless Chromium', () => {
  let serving: Serving;
  let base: string;
  let links: BriefLinks;
  let app: Awaited<ReturnType<typeof openTempApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await openTempApp({
      CYBERBRIEF_PUBLIC_URL: PUBLIC_URL,
      CYBERBRIEF_LINK_SECRET: 'browser-test-secret-0123456789abcdef0123',
    });
    links = app.links!;
    serving = await startServe(app, { port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${serving.port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await serving?.stop();
  });

  async function open(url: string, width: number) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 844 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const res = await page.goto(url, { waitUntil: 'load' });
    return { page, res, errors, requests };
  }

  it.each([390, 1280])(
    'loads at %i px with its pictures, no console error, no other host, no sideways scroll',
    async (w) => {
      const { page, res, errors, requests } = await open(links.url('wannacry', 'en').replace(PUBLIC_URL, base), w);
      expect(res?.status()).toBe(200);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
      const facts = await page.evaluate(() => ({
        svgs: [...document.querySelectorAll('svg.chart')].map((s) => ({
          cls: s.getAttribute('class'),
          title: s.querySelector('title')?.textContent ?? '',
          desc: s.querySelector('desc')?.textContent ?? '',
          marks: s.querySelectorAll('g.mark').length,
        })),
        sources: document.querySelectorAll('ol.sources li').length,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        styled: getComputedStyle(document.querySelector('header.top')!).backgroundColor,
      }));
      expect(facts.svgs.map((s) => s.cls)).toEqual(['chart blame', 'chart timeline']);
      for (const s of facts.svgs) {
        expect(s.title.length).toBeGreaterThan(5);
        expect(s.desc.length).toBeGreaterThan(10);
      }
      expect(facts.svgs[1]!.marks).toBeGreaterThan(3);
      expect(facts.sources).toBeGreaterThan(3);
      expect(facts.overflow).toBeLessThanOrEqual(0);
      // The stylesheet loaded under the strict CSP (the header's colour comes from it).
      expect(facts.styled).toBe('rgb(29, 53, 87)');
      await page.close();
    },
  );

  it('opens from the Slack answer’s “Open full brief” button with its timeline picture and every source', async () => {
    const answer = app.briefing.brief('wannacry', 'en');
    const message = renderSlackBrief(answer, { ephemeral: true });
    const urls = JSON.stringify(message.blocks).match(/"url":"(https:[^"]+)"/g) ?? [];
    expect(urls).toHaveLength(1);
    const url = JSON.parse(`{${urls[0]}}`).url as string;
    expect(url.startsWith(`${PUBLIC_URL}/briefs/wannacry?lang=en&exp=`)).toBe(true);
    const { page, res, errors } = await open(url.replace(PUBLIC_URL, base), 390);
    expect(res?.status()).toBe(200);
    expect(errors).toEqual([]);
    const seen = await page.evaluate(() => ({
      timeline: document.querySelectorAll('svg.chart.timeline g.mark').length,
      sources: document.querySelectorAll('ol.sources li').length,
    }));
    expect(seen.timeline).toBeGreaterThan(3);
    expect(seen.sources).toBe(answer.screen!.sources.length);
    await page.close();
    // Teams lays out the same address as an Action.OpenUrl.
    const card = JSON.stringify(renderTeamsBrief(answer).card);
    expect(card).toContain('"type":"Action.OpenUrl"');
    expect(card).toContain(`${PUBLIC_URL}/briefs/wannacry?lang=en&exp=`);
  });

  it('shows an altered link as a 403 page without the brief', async () => {
    const url = links
      .url('wannacry', 'en')
      .replace(PUBLIC_URL, base)
      .replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'Z' ? 'Y' : 'Z'}`);
    const { page, res, errors } = await open(url, 390);
    expect(res?.status()).toBe(403);
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Lazarus');
    await page.close();
  });
});
