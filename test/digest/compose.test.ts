import { composeDigest, isEmptyDigest } from '../../src/digest/compose';
import { DigestIndex } from '../../src/digest/digest-index';
import { digestHeadline } from '../../src/digest/headline';
import { Digest } from '../../src/domain/digest';
import { catalogOf, dev, incident, source } from './catalog-fixture';

const DAY = '2026-03-10';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;
const window = { since: at('00:00'), until: '2026-03-11T00:00:00.000Z' };
const ids = (d: Digest) => d.incidents.flatMap((g) => g.developments.map((x) => x.id));

describe('composeDigest: period', () => {
  const catalog = catalogOf(
    [incident('alpha')],
    [
      dev({ id: 'before', incident: 'alpha', recordedAt: '2026-03-09T23:59:59.999Z' }),
      dev({ id: 'first', incident: 'alpha', recordedAt: at('00:00') }),
      dev({ id: 'inside', incident: 'alpha', recordedAt: at('12:00'), date: '2017-05' }),
      dev({ id: 'at-until', incident: 'alpha', recordedAt: '2026-03-11T00:00:00.000Z' }),
    ],
  );

  it('takes what was recorded in [since, until), whatever date the development itself has', () => {
    const d = composeDigest(catalog, { ...window, locale: 'en' });
    expect(ids(d).sort()).toEqual(['first', 'inside']);
    expect(d.since).toBe(window.since);
    expect(d.until).toBe(window.until);
  });

  it('gives back-to-back periods that never share or drop a development', () => {
    const cut = at('06:00');
    const a = composeDigest(catalog, { since: '2026-03-09T00:00:00.000Z', until: cut, locale: 'en', cap: 100 });
    const b = composeDigest(catalog, { since: cut, until: '2026-03-12T00:00:00.000Z', locale: 'en', cap: 100 });
    expect([...ids(a), ...ids(b)].sort()).toEqual(['at-until', 'before', 'first', 'inside']);
    expect(ids(a).filter((x) => ids(b).includes(x))).toEqual([]);
  });

  it('is empty, and says so, when nothing was recorded', () => {
    const d = composeDigest(catalog, { since: '2026-04-01T00:00:00Z', until: '2026-04-02T00:00:00Z', locale: 'fr' });
    expect(isEmptyDigest(d)).toBe(true);
    expect(digestHeadline(d)).toContain('Rien de nouveau');
  });
});

describe('composeDigest: ranking', () => {
  const catalog = catalogOf(
    [incident('alpha', { suspected: ['G0901'] }), incident('beta'), incident('gamma')],
    [
      dev({
        id: 'statement',
        incident: 'beta',
        type: 'statement',
        by: ['FR'],
        recordedAt: at('10:00'),
        sources: ['s1'],
      }),
      dev({
        id: 'sanction',
        incident: 'alpha',
        type: 'sanction',
        by: ['EU'],
        against: ['G0901'],
        recordedAt: at('08:00'),
        sources: ['s2'],
      }),
      dev({
        id: 'state-attribution',
        incident: 'alpha',
        type: 'attribution',
        stance: 'attributed',
        by: ['GB'],
        against: ['CN'],
        recordedAt: at('07:00'),
        sources: ['s3'],
      }),
      dev({
        id: 'vendor-attribution',
        incident: 'gamma',
        type: 'attribution',
        stance: 'attributed',
        by: ['MSFT'],
        against: ['G0902'],
        recordedAt: at('09:00'),
        sources: ['s4'],
      }),
      dev({
        id: 'suspicion',
        incident: 'gamma',
        type: 'attribution',
        stance: 'suspected',
        by: ['US'],
        against: ['KP'],
        recordedAt: at('09:30'),
        sources: ['s5'],
      }),
    ],
  );

  it('puts acts of states with consequences above statements, and formal attributions above suspicions', () => {
    const d = composeDigest(catalog, { ...window, locale: 'en' });
    const entries = d.incidents.flatMap((g) => g.developments);
    const sig = Object.fromEntries(entries.map((e) => [e.id, e.significance]));
    expect(sig.sanction).toBeGreaterThan(sig.statement as number);
    expect(sig['state-attribution']).toBeGreaterThan(sig['vendor-attribution'] as number);
    expect(sig['state-attribution']).toBeGreaterThan(sig.suspicion as number);
    // Groups follow their best development: alpha (sanction) before gamma before beta (a statement).
    expect(d.incidents.map((g) => g.incident.id)).toEqual(['alpha', 'gamma', 'beta']);
    for (const g of d.incidents) {
      const s = g.developments.map((x) => x.significance);
      expect(s).toEqual([...s].sort((a, b) => b - a));
    }
  });

  it('ranks a development told by several outlets above the same kind told by one', () => {
    const c = catalogOf(
      [incident('alpha')],
      [
        dev({
          id: 'one-source',
          incident: 'alpha',
          type: 'condemnation',
          by: ['FR'],
          recordedAt: at('11:00'),
          sources: ['a'],
        }),
        dev({
          id: 'three-sources',
          incident: 'alpha',
          type: 'condemnation',
          by: ['GB'],
          recordedAt: at('09:00'),
          sources: ['b', 'c', 'd'],
        }),
      ],
    );
    expect(ids(composeDigest(c, { ...window, locale: 'en' }))).toEqual(['three-sources', 'one-source']);
  });

  it('breaks ties by recency of recording', () => {
    const c = catalogOf(
      [incident('alpha')],
      [
        dev({
          id: 'older',
          incident: 'alpha',
          type: 'statement',
          by: ['FR'],
          date: '2026-03-08',
          recordedAt: at('01:00'),
        }),
        dev({
          id: 'newer',
          incident: 'alpha',
          type: 'statement',
          by: ['FR'],
          date: '2026-03-09',
          recordedAt: at('02:00'),
        }),
      ],
    );
    expect(ids(composeDigest(c, { ...window, locale: 'en' }))).toEqual(['newer', 'older']);
  });

  it('caps the list and counts what was left out', () => {
    const d = composeDigest(catalog, { ...window, locale: 'en', cap: 2 });
    expect(ids(d)).toEqual(['sanction', 'state-attribution']);
    expect(d.more).toBe(3);
    // The headline counts what the digest shows, and names what it leaves out.
    expect(digestHeadline(d)).toMatch(/^Cyber-diplomacy digest: 2 developments on 1 incident$/);
    expect(d.view!.count.incidents).toBe(d.incidents.length);
    expect(d.view!.alsoLabel).toMatch(/^also: Operation (beta|gamma)/);
  });
});

describe('composeDigest: filters', () => {
  const catalog = catalogOf(
    [
      incident('alpha', { suspected: ['G0901'], targets: ['US'] }),
      incident('beta', { targets: ['FR'] }),
      incident('gamma'),
    ],
    [
      dev({ id: 'group-op', incident: 'alpha', type: 'disclosure', by: ['MSFT'], recordedAt: at('01:00') }),
      dev({ id: 'anssi-note', incident: 'gamma', type: 'statement', by: ['FR-ANSSI'], recordedAt: at('02:00') }),
      dev({
        id: 'beta-sanction',
        incident: 'beta',
        type: 'sanction',
        by: ['EU'],
        against: ['KP'],
        recordedAt: at('03:00'),
      }),
      dev({ id: 'kp-denial', incident: 'gamma', type: 'denial', by: ['KP'], recordedAt: at('04:00') }),
      dev({
        id: 'shared',
        incident: 'gamma',
        alsoAbout: ['alpha'],
        type: 'condemnation',
        by: ['GB'],
        recordedAt: at('05:00'),
      }),
    ],
  );
  const pick = (filters: Parameters<typeof composeDigest>[1]['filters']) =>
    ids(composeDigest(catalog, { ...window, locale: 'en', filters, cap: 50 })).sort();

  it('actor:CN also finds operations of groups publicly tied to China', () => {
    expect(pick({ actors: ['CN'] })).toEqual(['group-op', 'shared']);
  });

  it('country:FR finds French bodies and operations against France', () => {
    expect(pick({ countries: ['FR'] })).toEqual(['anssi-note', 'beta-sanction']);
  });

  it('filters by incident, listing a shared development under the incident asked for', () => {
    const d = composeDigest(catalog, { ...window, locale: 'en', filters: { incidents: ['alpha'] } });
    expect(d.incidents.map((g) => [g.incident.id, g.developments.map((x) => x.id).sort()])).toEqual([
      ['alpha', ['group-op', 'shared']],
    ]);
  });

  it('filters by type and by minimum significance, and combines filters with AND', () => {
    expect(pick({ types: ['sanction', 'denial'] })).toEqual(['beta-sanction', 'kp-denial']);
    expect(pick({ actors: ['KP'], types: ['denial'] })).toEqual(['kp-denial']);
    const all = composeDigest(catalog, { ...window, locale: 'en', cap: 50 }).incidents.flatMap((g) => g.developments);
    const threshold = Math.max(...all.map((x) => x.significance));
    expect(pick({ minSignificance: threshold })).toEqual(
      all
        .filter((x) => x.significance >= threshold)
        .map((x) => x.id)
        .sort(),
    );
    expect(pick({ minSignificance: threshold }).length).toBeLessThan(all.length);
  });
});

describe('composeDigest: language, sources and the JSON contract', () => {
  it('writes in the asked language, says when a text exists only in the other one, and lists cited sources', () => {
    const c = catalogOf(
      [incident('alpha')],
      [
        dev({
          id: 'bilingual',
          incident: 'alpha',
          type: 'sanction',
          by: ['EU'],
          recordedAt: at('01:00'),
          en: 'The EU froze assets.',
          fr: 'L’UE a gelé des avoirs.',
          sources: ['x1'],
        }),
        dev({
          id: 'french-only',
          incident: 'alpha',
          type: 'statement',
          by: ['FR'],
          recordedAt: at('02:00'),
          fr: 'Paris a réagi.',
          sources: ['x2', 'missing'],
        }),
      ],
      [source('x1'), source('x2', 'fr')],
    );
    // A source the catalog does not know is dropped from the entry, as briefs do.
    const d = composeDigest(c, { ...window, locale: 'en' });
    expect(Digest.parse(d)).toEqual(d);
    const [sanction, statement] = d.incidents[0]!.developments;
    expect(sanction).toMatchObject({
      text: 'The EU froze assets.',
      lang: 'en',
      by: [{ id: 'EU', kind: 'organisation', name: 'European Union' }],
    });
    expect(statement).toMatchObject({ text: 'Paris a réagi.', lang: 'fr', sources: ['x2'] });
    expect(d.sources.map((s) => s.id)).toEqual(['x1', 'x2']);
    expect(d.incidents[0]!.incident.name).toBe('Operation alpha');
    const fr = composeDigest(c, { ...window, locale: 'fr' });
    expect(fr.incidents[0]!.developments[0]).toMatchObject({ text: 'L’UE a gelé des avoirs.', lang: 'fr' });
    expect(fr.incidents[0]!.incident.name).toBe('Opération alpha');
  });

  it('merges one development told by several outlets into one entry with all their sources', () => {
    const same = { incident: 'alpha', type: 'indictment' as const, by: ['US'], against: ['KP'], date: '2026-03-09' };
    const c = catalogOf(
      [incident('alpha')],
      [
        dev({ id: 'wire', ...same, recordedAt: at('01:00'), sources: ['w'] }),
        dev({ id: 'paper', ...same, recordedAt: at('03:00'), sources: ['p', 'q'] }),
      ],
    );
    const d = composeDigest(c, { ...window, locale: 'en' });
    const entries = d.incidents.flatMap((g) => g.developments);
    expect(entries).toHaveLength(1);
    expect([...entries[0]!.sources].sort()).toEqual(['p', 'q', 'w']);
    const single = composeDigest(
      catalogOf([incident('alpha')], [dev({ id: 'wire', ...same, recordedAt: at('01:00'), sources: ['w'] })]),
      { ...window, locale: 'en' },
    );
    expect(entries[0]!.significance).toBeGreaterThan(single.incidents[0]!.developments[0]!.significance);
  });

  it('gives the same digest from a shared index as from the catalog', () => {
    const c = catalogOf(
      [incident('alpha')],
      [
        dev({ id: 'a', incident: 'alpha', recordedAt: at('01:00') }),
        dev({ id: 'b', incident: 'alpha', type: 'sanction', by: ['EU'], recordedAt: at('02:00') }),
      ],
    );
    const index = new DigestIndex(c);
    expect(composeDigest(index, { ...window, locale: 'fr' })).toEqual(composeDigest(c, { ...window, locale: 'fr' }));
    // An index over a shorter period is never used for a longer one.
    const partial = new DigestIndex(c, Date.parse(at('01:30')));
    expect(partial.size).toBe(1);
    expect(ids(composeDigest(partial, { ...window, locale: 'fr' })).sort()).toEqual(['a', 'b']);
  });
});
