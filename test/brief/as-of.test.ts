import type { App } from '../../adapters/root';
import { composeBrief } from '../../src/brief/compose';
import { Catalog } from '../../src/catalog/catalog';
import { compareDates } from '../../src/domain/dates';
import type { Source } from '../../src/domain/source';
import { loadKnowledgeBase } from '../../src/kb/load';
import { openTempApp } from '../support/temp-app';

const source = (id: string, published: string, origin: Source['origin']): Source => ({
  id,
  url: `https://example.org/${id}`,
  language: 'en',
  published,
  origin,
});

describe('asOf: how current the knowledge base is', () => {
  it('is the newest curated publication date, ignoring ingested articles, a month counting from its first day', () => {
    const catalog = new Catalog({
      actors: [],
      incidents: [],
      sources: [
        source('curated-a', '2019-05-04', 'curated'),
        source('curated-b', '2026-10', 'curated'),
        source('ingested-c', '2026-11-29', 'ingested'),
      ],
    });
    expect(catalog.asOf).toBe('2026-10-01');
    catalog.putSource(source('curated-d', '2026-11-03', 'curated'));
    expect(catalog.asOf).toBe('2026-11-03');
    const brief = composeBrief(catalog, { status: 'not_found', suggestions: [] }, 'x', 'en');
    expect(brief.asOf).toBe('2026-11-03');
  });

  it('is absent when nothing curated is known', () => {
    const catalog = new Catalog({ actors: [], incidents: [], sources: [source('only', '2026-01-02', 'ingested')] });
    expect(catalog.asOf).toBeUndefined();
  });

  describe('on the bundled knowledge base', () => {
    let app: App & { dispose(): Promise<void> };
    beforeAll(async () => {
      app = await openTempApp();
    });
    afterAll(async () => app.dispose());

    it('is on every brief, found, ambiguous or not, and equals the newest curated source date', () => {
      const kb = loadKnowledgeBase(undefined, { cacheDir: false });
      const newest = kb.sources
        .map((s) => s.published)
        .sort(compareDates)
        .at(-1)!;
      for (const q of ['wannacry', 'russia', '2017', 'zzzqqqxxv']) {
        const b = app.briefing.brief(q, 'en');
        expect(b.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(b.asOf!.startsWith(newest)).toBe(true);
      }
    });
  });
});
