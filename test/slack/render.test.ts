import type { BriefView } from '../../adapters/slack/action-ids';
import { escapeMrkdwn, mrkdwnLink } from '../../adapters/slack/escape';
import { fitMrkdwn, fitPlain } from '../../adapters/slack/limits';
import { renderBrief } from '../../adapters/slack/render-brief';
import { renderDigest } from '../../adapters/slack/render-digest';
import { renderHome } from '../../adapters/slack/render-home';
import { composeDigest } from '../../src/digest/compose';
import { openTempApp } from '../support/temp-app';
import { allTexts, blockKitProblems, markupTexts } from './support/block-kit';
import { addHostileIncident, FORBIDDEN, HOSTILE } from './support/hostile';

type Obj = Record<string, unknown>;

describe('escaping', () => {
  test('&, < and > are escaped, so content cannot become a mention, a broadcast or a link', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U123> <http://x|y>')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt;',
    );
  });

  test('bare @channel, @here and @everyone are made inert, whatever their case', () => {
    const out = escapeMrkdwn('@here @Channel @EVERYONE email@here.example');
    expect(out).not.toMatch(/@(here|channel|everyone)\b/i);
    expect(out.replace(/\u2060/g, '')).toBe('@here @Channel @EVERYONE email@here.example');
  });

  test('a link keeps its real target in one piece and escapes its label', () => {
    const link = mrkdwnLink('https://news.example/a?x=1&y=2|evil>', '<!here> title | more');
    expect(link).toBe('<https://news.example/a?x=1&amp;y=2%7Cevil%3E|&lt;!here&gt; title ¦ more>');
    expect(mrkdwnLink('javascript:alert(1)', 'click')).toBe('click');
    expect(mrkdwnLink(undefined, 'plain <b>')).toBe('plain &lt;b&gt;');
  });
});

describe('fitting text', () => {
  test('a cut never splits an entity, a link or a surrogate pair', () => {
    const entity = `${'a'.repeat(95)}&amp;tail`;
    for (let max = 90; max <= 104; max++) {
      const out = fitMrkdwn(entity, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&[a-z]{0,3}…$/);
    }
    const link = `${'a'.repeat(50)} <https://example.org/long/path|label> tail tail tail`;
    for (let max = 52; max < link.length; max++) {
      const out = fitMrkdwn(link, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect((out.match(/</g) ?? []).length).toBe((out.match(/>/g) ?? []).length);
    }
    const emoji = `${'a'.repeat(9)}😀😀😀`;
    for (let max = 5; max < emoji.length; max++) expect(fitMrkdwn(emoji, max)).not.toMatch(/[\ud800-\udbff]…$/);
    expect(Array.from(fitPlain('😀'.repeat(200), 150))).toHaveLength(150);
  });
});

describe('rendering hostile and oversized content', () => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  let bigId: string;
  beforeAll(async () => {
    app = await openTempApp();
    await addHostileIncident(app.briefing, { id: 'small-hostile' });
    bigId = await addHostileIncident(app.briefing, {
      id: 'big-hostile',
      developments: 400,
      sources: 120,
      textLength: 900,
      related: ['small-hostile', 'wannacry'],
    });
  });
  afterAll(async () => {
    await app.dispose();
  });

  const views: BriefView[] = ['summary', 'timeline', 'sources', 'related'];

  test.each(views)('the %s view stays inside every Block Kit limit and escapes all content', (view) => {
    for (const id of ['small-hostile', 'big-hostile']) {
      const brief = app.briefing.brief(`${id}-alias`, 'en');
      expect(brief.subject?.id).toBe(id);
      for (const ephemeral of [true, false]) {
        const msg = renderBrief(brief, { view, ephemeral, sharedBy: 'U0SHARER' });
        expect(blockKitProblems(msg)).toEqual([]);
        const markup = markupTexts(msg).join('\n');
        for (const bad of FORBIDDEN) expect(markup).not.toContain(bad);
        expect(markup).toContain('&lt;!channel&gt;');
        // The only mention is the one we put there: who shared it.
        expect(markup.match(/<@[A-Z0-9]+>/g) ?? []).toEqual(['<@U0SHARER>']);
        // Every link is one of the sources' real URLs.
        for (const m of markup.matchAll(/<(https?:[^|>]+)\|/g)) expect(m[1]).toMatch(/^https:\/\/news\.example\//);
        // Plain text (header, buttons) is not markup, but it is never empty or over its limit either.
        expect(allTexts(msg).every((t) => t.length > 0)).toBe(true);
      }
    }
  });

  test('a list too long for one message says how much was left out, and shown plus counted is everything', () => {
    const brief = app.briefing.brief('big-hostile-alias', 'en');
    for (const view of ['timeline', 'sources'] as const) {
      const msg = renderBrief(brief, { view, ephemeral: true });
      const texts = (msg.blocks as unknown as Obj[])
        .filter((b) => b.type === 'section' && b.text)
        .map((b) => String((b.text as Obj).text));
      const shown = texts
        .join('\n')
        .split('\n')
        .filter((l) => /^\[\d+\] /.test(l) || /\[\d+\]$/.test(l)).length;
      const total = view === 'timeline' ? brief.screen!.timeline.length : brief.screen!.sources.length;
      const note = JSON.stringify(msg.blocks).match(/and (\d+) more/);
      expect(shown + Number(note?.[1] ?? 0)).toBe(total);
      if (shown < total) expect(JSON.stringify(msg.blocks)).toContain(`cyberbrief brief ${bigId}`);
    }
  });

  test('the header is cut to 150 characters with an ellipsis; the fallback text carries the title', () => {
    const brief = app.briefing.brief('big-hostile-alias', 'en');
    const msg = renderBrief(brief, { ephemeral: true });
    const headerText = String(((msg.blocks[0] as unknown as Obj).text as Obj).text);
    expect(brief.title.length).toBeGreaterThan(150);
    expect(headerText.length).toBe(150);
    expect(headerText.endsWith('…')).toBe(true);
    expect(msg.text.startsWith('Operation &lt;!channel&gt;')).toBe(true);
  });

  test('text kept in its source language is told in English, its sources and quotes marked with their language', () => {
    const brief = app.briefing.brief('small-hostile-alias', 'en');
    expect(brief.timeline.some((t) => t.lang === 'fr')).toBe(true);
    const timeline = JSON.stringify(renderBrief(brief, { view: 'timeline', ephemeral: true }).blocks);
    for (const t of brief.timeline.filter((x) => x.lang === 'fr')) expect(timeline).not.toContain(t.text.slice(0, 30));
    const sources = JSON.stringify(renderBrief(brief, { view: 'sources', ephemeral: true }).blocks);
    expect(sources).toContain('(fr)');
  });

  test('a digest far too big for one message: a short headline, threads inside the limits, and an honest count', () => {
    const digest = composeDigest(app.briefing.data, {
      since: '2026-02-28T00:00:00Z',
      until: '2026-03-02T00:00:00Z',
      locale: 'en',
      cap: 400,
    });
    expect(digest.incidents.map((g) => g.incident.id).sort()).toEqual(['big-hostile', 'small-hostile']);
    const total = digest.incidents.reduce((n, g) => n + g.developments.length, 0) + digest.more;
    const { headline, thread } = renderDigest(digest, { timeZone: 'Europe/Paris', maxThreadMessages: 3 });
    expect(blockKitProblems(headline)).toEqual([]);
    expect(headline.blocks.length).toBeLessThanOrEqual(5);
    expect(thread).toHaveLength(3);
    let shown = 0;
    for (const m of thread) {
      expect(blockKitProblems(m)).toEqual([]);
      const markup = markupTexts(m).join('\n');
      for (const bad of FORBIDDEN) expect(markup).not.toContain(bad);
      shown += markup.split('\n').filter((l) => l.startsWith('• ')).length;
    }
    const note = JSON.stringify(thread[thread.length - 1]!.blocks).match(/(\d+) more developments? not shown/);
    expect(note).not.toBeNull();
    expect(shown + Number(note![1])).toBe(total);
    for (const bad of FORBIDDEN) expect(headline.text).not.toContain(bad);
  });

  test('App Home fits 100 blocks with many subscriptions and escapes paused reasons', () => {
    const subs = Array.from({ length: 400 }, (_, i) => ({
      id: `sub-${i}`,
      platform: 'slack' as const,
      workspace: 'T1',
      channel: `C${String(i).padStart(6, '0')}`,
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en' as const,
      filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
      emptyDigest: 'skip' as const,
      createdBy: 'U1',
      createdAt: '2026-01-01T00:00:00.000Z',
      status: 'paused' as const,
      pausedReason: `gone ${HOSTILE.broadcast}`,
    }));
    const view = renderHome(subs, app.briefing.latest('en', 10), 'en');
    expect(blockKitProblems(view, 100)).toEqual([]);
    const markup = markupTexts(view).join('\n');
    for (const bad of FORBIDDEN) expect(markup).not.toContain(bad);
    expect(markup).toContain('<#C000000>');
  });
});
