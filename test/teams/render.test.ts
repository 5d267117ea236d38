import { MAX_CARD_BYTES } from '../../adapters/teams/cards/budget';
import { plain, truncate } from '../../adapters/teams/cards/plain-text';
import { renderBrief } from '../../adapters/teams/render-brief';
import { renderDigest, renderDigestHeadline } from '../../adapters/teams/render-digest';
import type { Development } from '../../src/domain/development';
import type { Incident } from '../../src/domain/incident';
import type { Source } from '../../src/domain/source';
import { openTempApp } from '../support/temp-app';
import { cardProblems, cardSize, expectGoodCard, visibleTexts, type Json } from './support/cards';
import { makeDigest } from './support/digests';
import { FIXTURE_KB } from './support/harness';

const HOSTILE = [
  '**Breaking** [click here](https://evil.example/phish) <at>General</at> @channel @everyone',
  '_italic_ `code` ~~gone~~ | table | \\escaped',
  '# Heading',
  '- listed',
  '1. numbered',
  'see www.evil.example and evil.example/path or http://evil.example/x and mailto:a@evil.example',
  '&lt;at&gt;Team&lt;/at&gt;',
].join('\n');

/** Markdown, links, mentions and entities that must never survive into a card's text. */
const FORBIDDEN = [
  /\*\*/,
  /\]\(/,
  /\[/,
  /<at>/i,
  /<\/?[a-z]/i,
  /https?:\/\//,
  /www\./,
  /evil\.example/,
  /`/,
  /~~/,
  /^#/,
  /^- /,
  /^1\. /,
  /&lt;/,
];

describe('plain(): content text stays inert in Teams', () => {
  test('markdown, links, URLs, mentions and entities are neutralised', () => {
    const out = plain(HOSTILE);
    for (const f of FORBIDDEN) expect(out).not.toMatch(f);
    // Still readable: the words are there.
    expect(out).toMatch(/Breaking/);
    expect(out).toMatch(/click here/);
    expect(out).toMatch(/evil․example/);
    expect(out).not.toContain('\n');
  });

  test('ordinary prose is left as it was', () => {
    for (const s of [
      'Le ministère a convoqué l’ambassadeur le 19 mai 2017, après l’attaque.',
      'The U.S. and the U.K. named North Korea (a first), e.g. in 2017: 150 countries!',
      'Δ-2 «test» — 42 %',
    ]) {
      expect(plain(s)).toBe(s);
    }
  });

  test('a line starting like a list or a heading cannot become one', () => {
    expect(plain('- not a list').startsWith('-')).toBe(false);
    expect(plain('2. not a list')).toMatch(/^\u2060/);
  });

  test('truncate cuts at a word, marks the cut, and never splits a character', () => {
    const t = truncate('word '.repeat(100), 50);
    expect(Array.from(t).length).toBeLessThanOrEqual(50);
    expect(t.endsWith('…')).toBe(true);
    const emoji = truncate('🛰️'.repeat(40), 11);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncate('short', 50)).toBe('short');
  });
});

describe('the card validator used by these tests', () => {
  test('reports broken cards, so a passing check means something', () => {
    expect(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'NoSuchElement' }],
        actions: [{ type: 'Action.OpenUrl', title: 'x' }],
      }).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('briefs from hostile or huge content', () => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  beforeAll(async () => {
    app = await openTempApp({ CYBERBRIEF_KB_DIR: FIXTURE_KB });
    const sources: Source[] = [
      {
        id: 'hostile-src-1',
        url: 'javascript:alert(1)',
        title: '[Read](https://evil.example) **now**',
        language: 'en',
        published: '2026-02-01',
        origin: 'ingested',
      },
      {
        id: 'hostile-src-2',
        url: 'https://news.example.org/a',
        title: 'A <b>bold</b> claim',
        language: 'fr',
        published: '2026-02-02',
        origin: 'ingested',
      },
    ];
    for (const s of sources) await app.briefing.saveSource(s);
    const incident: Incident = {
      id: 'hostile-leak',
      name: { en: 'Hostile **leak** <at>All</at>', fr: 'Fuite [hostile](https://evil.example)' },
      aliases: ['hostileleak'],
      type: 'hack-and-leak',
      period: { start: '2026-02' },
      targets: ['NO'],
      suspected: ['G9001'],
      summary: { en: HOSTILE, fr: HOSTILE },
      related: [],
      origin: 'ingested',
    };
    const devs: Development[] = [
      {
        id: 'hostile-1',
        type: 'attribution',
        stance: 'attributed',
        date: '2026-02-03',
        by: ['NO'],
        against: ['G9001'],
        incidents: ['hostile-leak'],
        text: { en: HOSTILE },
        sources: ['hostile-src-1'],
        origin: 'ingested',
        recordedAt: '2026-02-03T10:00:00Z',
      },
      {
        id: 'hostile-2',
        type: 'statement',
        date: '2026-02-04',
        by: ['NO'],
        against: [],
        incidents: ['hostile-leak'],
        text: { fr: HOSTILE },
        sources: ['hostile-src-2'],
        origin: 'ingested',
        recordedAt: '2026-02-04T10:00:00Z',
      },
    ];
    await app.briefing.saveIncident(incident, devs);

    const many: Source[] = Array.from({ length: 300 }, (_, i) => ({
      id: `bulk-src-${i}`,
      url: `https://bulk.example.org/${i}`,
      title: `A very long headline about the same affair, number ${i}, `.repeat(4),
      language: 'en',
      published: '2026-01-15',
      origin: 'ingested' as const,
    }));
    for (const s of many) await app.briefing.saveSource(s);
    const big: Incident = {
      ...incident,
      id: 'endless-affair',
      name: { en: 'Endless affair', fr: 'Affaire sans fin' },
      aliases: ['endlessaffair'],
      summary: { en: 'Long. '.repeat(600), fr: 'Long. '.repeat(600) },
    };
    const bigDevs: Development[] = Array.from({ length: 600 }, (_, i) => ({
      id: `endless-${i}`,
      type: (['attribution', 'sanction', 'statement', 'condemnation'] as const)[i % 4]!,
      stance: i % 4 === 0 ? ('attributed' as const) : undefined,
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      by: ['NO', 'FI', 'SE', 'DK', 'IS', 'EE', 'LV', 'LT', 'PL', 'DE', 'FR', 'NL'],
      against: ['G9001'],
      incidents: ['endless-affair'],
      text: { en: `Development ${i}: ${'a long and winding sentence about positions taken '.repeat(20)}` },
      sources: [`bulk-src-${i % 300}`],
      origin: 'ingested' as const,
      recordedAt: '2026-01-20T10:00:00Z',
    }));
    await app.briefing.saveIncident(big, bigDevs);
  });
  afterAll(async () => app.dispose());

  test.each(['en', 'fr'] as const)('no markup from content reaches the card (%s)', (locale) => {
    const { card } = renderBrief(app.briefing.brief('hostileleak', locale));
    expectGoodCard(card);
    for (const t of visibleTexts(card))
      for (const f of FORBIDDEN)
        expect(
          t
            .split('\n')
            // The numbered citations "[n]" are the card's own, not content.
            .map((line) => f.test(line.replace(/^\[\d+\] /, '').replace(/(\[\d+\])+$/, '')))
            .some(Boolean)
            ? `${f} in ${t}`
            : '',
        ).toBe('');
    // Only the safe source becomes a link; javascript: is shown, not linked.
    const urls = JSON.stringify(card).match(/"url":"[^"]*"/g) ?? [];
    expect(urls).toEqual(['"url":"https://news.example.org/a"']);
  });

  test.each(['en', 'fr'] as const)('a huge brief is cut down gracefully to fit Teams (%s)', (locale) => {
    const brief = app.briefing.brief('endlessaffair', locale);
    expect(brief.timeline).toHaveLength(600);
    const full = JSON.stringify(brief).length;
    expect(full).toBeGreaterThan(10 * MAX_CARD_BYTES);
    const { card } = renderBrief(brief);
    expectGoodCard(card);
    expect(cardSize(card)).toBeGreaterThan(MAX_CARD_BYTES / 3);
    const texts = visibleTexts(card);
    // Counts stay true, and the cut says how much was left out.
    expect(texts.some((t) => /^(Timeline|Chronologie)$/.test(t))).toBe(true);
    expect(texts.some((t) => /^Sources$/.test(t))).toBe(true);
    expect(texts.some((t) => /(and|et) \d+ (more|de plus)/.test(t))).toBe(true);
    expect(card.body[0]?.text).toBe(brief.title);
  });
});

describe('digests', () => {
  test('every development shown or counted: nothing silently dropped when a digest is cut', () => {
    const digest = makeDigest({ incidents: 50, developments: 20, textLength: 1200, more: 7 });
    const { card } = renderDigest(digest);
    expectGoodCard(card);
    const shown = card.body
      .filter((e: Json) => e.type === 'Container')
      .reduce((n: number, c: Json) => n + c.items[1].facts.length, 0);
    const more = Number(/(\d+) more/.exec(visibleTexts(card).find((t) => /and \d+ more/.test(t)) ?? '')?.[1] ?? 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown + more).toBe(50 * 20 + 7);
  });

  test('an empty digest says so', () => {
    const { card } = renderDigest({ ...makeDigest({ incidents: 0 }), sources: [] });
    expectGoodCard(card);
    expect(visibleTexts(card)).toContain('Nothing new since the last digest.');
  });

  test('the headline counts everything and names the top incidents', () => {
    const { card, summary } = renderDigestHeadline(makeDigest({ incidents: 8, developments: 3, more: 2 }));
    expectGoodCard(card);
    expect(summary).toBe('Cyber-diplomacy digest: 26 developments about 8 incidents');
    const texts = visibleTexts(card);
    expect(texts.some((t) => t.startsWith('Invented incident 4'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Invented incident 5'))).toBe(false);
    expect(texts).toContain('and 3 more');
  });

  test('content in digests is neutralised like in briefs', () => {
    const d = makeDigest();
    d.incidents[0]!.incident.name = '[x](https://evil.example) **y**';
    d.incidents[0]!.developments[0]!.text = HOSTILE;
    const { card } = renderDigest(d);
    for (const t of visibleTexts(card))
      for (const line of t.split('\n'))
        for (const f of FORBIDDEN) expect(f.test(line) ? `${f} in ${line}` : '').toBe('');
  });
});

describe('every brief of the bundled knowledge base', () => {
  test('renders as a valid card within the size limit, in both languages', async () => {
    const app = await openTempApp();
    try {
      const data = app.briefing.data;
      const queries = [
        ...data.incidents.keys(),
        ...[...data.actors.values()]
          .filter((a) => a.kind !== 'state')
          .slice(0, 40)
          .map((a) => a.id),
        'russia',
        'china',
        'north korea',
        'wannacry',
      ];
      let found = 0;
      for (const q of queries) {
        for (const locale of ['en', 'fr'] as const) {
          const brief = app.briefing.brief(q, locale);
          if (brief.status === 'found') found++;
          const { card } = renderBrief(brief);
          const problems = cardProblems(card);
          expect(problems.length === 0 ? '' : `${q} (${locale}): ${problems.join('; ')}`).toBe('');
          expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        }
      }
      expect(found).toBeGreaterThan(20);
    } finally {
      await app.dispose();
    }
  });
});
