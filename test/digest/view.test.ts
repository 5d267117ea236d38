import { composeDigest } from '../../src/digest/compose';
import { DIGEST_LINES_PER_INCIDENT } from '../../src/digest/view';
import { typographyFaults } from '../../src/lang/french-typography';
import { kbCatalog } from '../support/kb-catalog';
import { catalogOf, dev, incident, source } from './catalog-fixture';

const window = { since: '2026-03-10T00:00:00.000Z', until: '2026-03-11T00:00:00.000Z' };

describe('digest statements', () => {
  const frenchOnly = dev({
    id: 'fr-sanction',
    incident: 'alpha',
    type: 'sanction',
    by: ['EU'],
    against: ['G0901'],
    recordedAt: '2026-03-10T09:00:00.000Z',
    sources: ['lemonde'],
    fr: 'Le Conseil a inscrit Test Panda sur sa liste de sanctions.',
  });
  const catalog = catalogOf(
    [incident('alpha')],
    [{ ...frenchOnly, evidence: { text: frenchOnly.text.fr!, lang: 'fr' } }],
    [source('lemonde', 'fr')],
  );

  it('tells a French article in an English channel as an English statement, its source marked (fr)', () => {
    const v = composeDigest(catalog, { ...window, locale: 'en' }).view!;
    const line = v.groups[0]!.lines[0]!;
    expect(line.line).toMatch(/^\d+ Mar 2026 — The European Union sanctioned Test Panda \(China\) \[1\]$/);
    expect(JSON.stringify(v)).not.toContain('sur sa liste');
    expect(v.sources[0]).toMatchObject({ n: 1, id: 'lemonde', langMark: 'fr' });
    expect(v.groups[0]!.link).toMatchObject({ url: 'https://news.example.org/lemonde', langMark: 'fr' });
  });

  it('says it in French for a French channel, with French typography', () => {
    const v = composeDigest(catalog, { ...window, locale: 'fr' }).view!;
    expect(v.groups[0]!.lines[0]!.text).toBe("L'Union européenne a sanctionné Test Panda (Chine)");
    expect(v.headline).toBe('Revue cyberdiplomatique\u00a0: 1 fait nouveau sur 1 incident');
    expect(typographyFaults(v.headline, 'fr')).toEqual([]);
  });
});

describe.each(['en', 'fr'] as const)('a digest over the whole knowledge base (%s)', (locale) => {
  const { catalog } = kbCatalog();
  const d = composeDigest(catalog, { since: '1990-01-01T00:00:00Z', until: '2030-01-01T00:00:00Z', locale, cap: 30 });
  const v = d.view!;

  it('tells at most three merged, cited statements per incident', () => {
    expect(v.groups.length).toBeGreaterThan(1);
    for (const g of v.groups) {
      expect(g.lines.length).toBeGreaterThan(0);
      expect(g.lines.length).toBeLessThanOrEqual(DIGEST_LINES_PER_INCIDENT);
      for (const l of g.lines) {
        expect(l.cites.length).toBeGreaterThan(0);
        expect(l.line).not.toContain('→');
        expect(typographyFaults(l.line, locale)).toEqual([]);
      }
    }
  });

  it('has a headline that counts exactly what it shows', () => {
    const shown = v.groups.reduce((n, g) => n + g.lines.reduce((m, l) => m + l.merged, 0), 0);
    expect(v.count).toEqual({ developments: shown, incidents: v.groups.length });
    const [, n, k] = /(\d+) .* (\d+) incidents?$/.exec(v.headline) ?? [];
    expect(Number(n)).toBe(shown);
    expect(Number(k)).toBe(v.groups.length);
  });

  it('names the incidents it leaves out, none of those it shows', () => {
    expect(d.more).toBeGreaterThan(0);
    expect(v.also.length).toBeGreaterThan(0);
    expect(v.alsoLabel).toMatch(locale === 'en' ? /^also: / : /^aussi\u00a0: /);
    const shownIds = new Set(v.groups.map((g) => g.incident.id));
    for (const a of v.also) expect(shownIds.has(a.id)).toBe(false);
  });
});
