import type { App } from '../../adapters/root';
import type { Brief } from '../../src/domain/brief';
import { openTempApp } from '../support/temp-app';

/** Lookups as people type them (issue 13, section 4), on the bundled knowledge base. */
let app: App & { dispose(): Promise<void> };
beforeAll(async () => {
  app = await openTempApp();
});
afterAll(async () => app.dispose());

const brief = (q: string, lang: 'en' | 'fr' = 'en'): Brief => app.briefing.brief(q, lang);

describe("a victim's name opens the incident that made it known", () => {
  it.each([
    ['solarwinds', 'solarwinds-2020', 'SOLARWINDS'],
    ['SolarWinds', 'solarwinds-2020', 'SOLARWINDS'],
    ['viasat', 'viasat-2022', 'VIASAT'],
    ['ka-sat', 'viasat-2022', undefined],
    ['sony pictures', 'sony-pictures-2014', 'SONY-PICTURES'],
    ['marriott', 'marriott-2018', 'MARRIOTT'],
    ['electoral commission', 'uk-electoral-commission', 'UK-ELECTORAL-COMMISSION'],
    ['tv5 monde', 'tv5monde-2015', 'TV5MONDE'],
    ['TV5Monde', 'tv5monde-2015', 'TV5MONDE'],
    ['opcw', 'opcw-2018', 'OPCW'],
    ['OIAC', 'opcw-2018', 'OPCW'],
  ])('%s -> incident %s, the organisation %s still offered', (q, id, org) => {
    const b = brief(q, q === 'OIAC' ? 'fr' : 'en');
    expect(b.status).toBe('found');
    expect(b.subject).toMatchObject({ kind: 'incident', id });
    if (org)
      expect(b.candidates).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'actor', id: org })]));
  });

  it.each([
    ['org:viasat', 'VIASAT'],
    ['org: Sony Pictures', 'SONY-PICTURES'],
    ['actor:opcw', 'OPCW'],
    ['VIASAT', 'VIASAT'],
    ['UK-ELECTORAL-COMMISSION', 'UK-ELECTORAL-COMMISSION'],
  ])('%s -> the organisation %s itself', (q, id) => {
    const b = brief(q);
    expect(b.status).toBe('found');
    expect(b.subject).toMatchObject({ kind: 'actor', id });
    // Its brief lists the incident it was hit in.
    expect(b.incidents?.some((i) => i.role === 'target')).toBe(true);
  });

  it('keeps an acronym that is also an id as the name people type', () => {
    expect(brief('OPCW').subject).toMatchObject({ kind: 'incident', id: 'opcw-2018' });
  });

  it('leaves a body that mostly acts (sanctions, statements) on its own brief', () => {
    const b = brief('US Treasury');
    expect(b.subject).toMatchObject({ kind: 'actor', id: 'US-TREASURY' });
  });

  it('answers ambiguous, incidents first, when one victim was hit in several incidents', async () => {
    const viasat = app.briefing.data.incident('viasat-2022')!;
    await app.briefing.saveIncident(
      {
        ...viasat,
        id: 'viasat-second-outage-test',
        name: { en: 'Second Viasat outage (test)', fr: 'Seconde panne Viasat (test)' },
        aliases: [],
        period: { start: '2026-02-01' },
        related: [],
      },
      [],
    );
    const b = brief('viasat');
    expect(b.status).toBe('ambiguous');
    const ids = b.candidates!.map((c) => `${c.kind}:${c.id}`);
    expect(ids.slice(0, 2).sort()).toEqual(['incident:viasat-2022', 'incident:viasat-second-outage-test']);
    expect(ids).toContain('actor:VIASAT');
    expect(brief('org:viasat').subject).toMatchObject({ kind: 'actor', id: 'VIASAT' });
  });
});

describe('whom a sanctions package lists is found, and leads to the package', () => {
  it.each([
    ['chosun expo', 'CHOSUN-EXPO', ['eu-cyber-sanctions-2020-07', 'wannacry']],
    ['Gao Qiang', 'gao-qiang', ['eu-cyber-sanctions-2020-07', 'cloud-hopper']],
    ['Zhou Shuai', 'zhou-shuai', ['i-soon-apt27-2025']],
    ['Guan Tianfeng', 'guan-tianfeng', ['sichuan-silence-2024']],
    ['Mikhail Tsarev', 'mikhail-tsarev', ['eu-cyber-sanctions-2024-06']],
    ['Korchagin', 'nikolay-korchagin', ['estonia-gru-29155-2020']],
    ['Emennet Pasargad', 'EMENNET-PASARGAD', ['eu-cyber-sanctions-2026-03']],
  ])('%s -> %s, whose brief lists %p', (q, id, incidents) => {
    const b = brief(q);
    expect(b.subject).toMatchObject({ kind: 'actor', id });
    expect(b.incidents!.map((i) => i.id)).toEqual(expect.arrayContaining(incidents));
  });

  it('shows every sanction and indictment against a listed person among the responses of their brief', () => {
    const b = brief('Yin Kecheng');
    const types = b.responses.map((r) => r.type).sort();
    expect(types).toEqual(expect.arrayContaining(['indictment', 'sanction']));
    for (const r of b.responses) expect(r.sources.length).toBeGreaterThan(0);
  });
});

describe('every incident is found by the names it is known by', () => {
  it('finds each incident by its English and French names and by each alias, alone or among candidates', () => {
    const misses: string[] = [];
    for (const inc of app.briefing.data.incidents.values()) {
      for (const q of [inc.name.en, inc.name.fr, ...inc.aliases]) {
        const b = brief(q);
        const found = b.status === 'found' && b.subject?.id === inc.id;
        const offered = b.status === 'ambiguous' && b.candidates!.some((c) => c.id === inc.id);
        if (!found && !offered) misses.push(`${inc.id} by "${q}": ${b.status} ${b.subject?.id ?? ''}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each([
    ['laundry bear', 'laundry-bear-2025'],
    ['Void Blizzard', 'laundry-bear-2025'],
    ['pall mall', 'pall-mall-process'],
    ['hanoi convention', 'un-cybercrime-convention'],
    ['Deutsche Flugsicherung', 'germany-dfs-storm1516'],
  ])('%s -> incident %s', (q, id) => {
    expect(brief(q).subject).toMatchObject({ kind: 'incident', id });
  });
});
