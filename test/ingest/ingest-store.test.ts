import { readFileSync } from 'node:fs';
import { BriefingService } from '../../src/service/briefing-service';
import { Ingestor } from '../../src/ingest/ingest';
import { silentLogger } from '../../src/log';
import type { IncidentStore } from '../../src/store/incident-store';
import { openTempApp } from '../support/temp-app';
import { knowledgeBase, seedFiles } from './support';

const NOW = new Date('2026-03-02T09:00:00Z');
const clock = () => NOW;
const ARTICLE = Buffer.from(
  'Date: 2022-09-07\n\nTirana a rompu mercredi ses relations diplomatiques avec Téhéran après la cyberattaque de juillet qui a paralysé les services publics albanais. ' +
    "Le Premier ministre albanais affirme que l'attaque a été orchestrée par l'Iran. La diplomatie iranienne a rejeté ces accusations qu'elle juge infondées.",
);

describe('storing what an article says', () => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  beforeEach(async () => {
    app = await openTempApp({}, clock);
  });
  afterEach(async () => {
    await app.dispose();
  });

  it('adds developments to the incident, with the source, the ingestion instant and the evidence', async () => {
    const ingestor = new Ingestor(app.briefing, clock, silentLogger);
    const before = app.briefing.data.ownedDevelopments('albania-2022').length;
    const r = await ingestor.ingest({ bytes: ARTICLE, name: 'albania.txt' });
    expect(r).toMatchObject({ status: 'added', linked: ['albania-2022'], created: [] });
    if (r.status !== 'added') return;
    const devs = app.briefing.data.ownedDevelopments('albania-2022');
    expect(devs.length).toBe(before + r.developments);
    const ingested = devs.filter((d) => d.origin === 'ingested');
    expect(ingested.map((d) => d.type).sort()).toEqual(['attack', 'attribution', 'denial', 'expulsion']);
    for (const d of ingested) {
      expect(d).toMatchObject({ sources: [r.sourceId], recordedAt: NOW.toISOString(), evidence: { lang: 'fr' } });
      expect(d.text.fr).toBe(d.evidence?.text);
    }
    expect(app.briefing.data.sources.get(r.sourceId)).toMatchObject({
      origin: 'ingested',
      language: 'fr',
      published: '2022-09-07',
    });
    // The store holds what memory holds: a fresh service reading the same store sees the same developments.
    const reopened = await BriefingService.openLoaded(app.store, silentLogger);
    expect(reopened.data.ownedDevelopments('albania-2022')).toEqual(devs);
  });

  it('changes nothing when the same article is ingested again', async () => {
    const ingestor = new Ingestor(app.briefing, clock, silentLogger);
    const first = await ingestor.ingest({ bytes: ARTICLE, name: 'albania.txt' });
    const revision = await app.store.revision();
    const devs = app.briefing.data.ownedDevelopments('albania-2022');
    const again = await ingestor.ingest({
      bytes: Buffer.from(ARTICLE.toString().replace(/ {1}/g, '  ')),
      name: 'copy.txt',
    });
    expect(again).toEqual({ status: 'unchanged', sourceId: first.status === 'added' ? first.sourceId : '' });
    expect(await app.store.revision()).toBe(revision);
    expect(app.briefing.data.ownedDevelopments('albania-2022')).toEqual(devs);
  });

  it('finishes an interrupted ingestion on the next run, without duplicates', async () => {
    // A store that fails on the second incident written, as a crash between two writes would.
    let writes = 0;
    const real = app.store;
    const flaky: IncidentStore = Object.create(real) as IncidentStore;
    flaky.updateIncident = async (id, change) => {
      if (++writes === 2) throw new Error('disk full');
      return real.updateIncident(id, change);
    };
    const twoIncidents = Buffer.from(
      'Date: 2021-07-20\n\nLe département de la Justice a inculpé lundi quatre Chinois pour le piratage de Microsoft Exchange. ' +
        "Par ailleurs, la Norvège a convoqué l'ambassadeur de Russie après l'attaque de pirates russes contre le Storting, le Parlement norvégien, en août dernier.",
    );
    const broken = await BriefingService.open(flaky, knowledgeBase(), silentLogger, clock);
    await expect(
      new Ingestor(broken, clock, silentLogger).ingest({ bytes: twoIncidents, name: 'two.txt' }),
    ).rejects.toThrow('disk full');
    const resumed = await BriefingService.openLoaded(real, silentLogger);
    const r = await new Ingestor(resumed, clock, silentLogger).ingest({ bytes: twoIncidents, name: 'two.txt' });
    expect(r.status).toBe('added');
    const ids = [...resumed.data.allDevelopments()].filter((d) => d.origin === 'ingested').map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.status === 'added' && r.linked.sort()).toEqual(['exchange-2021', 'storting-2020']);
    expect(
      await new Ingestor(resumed, clock, silentLogger).ingest({ bytes: twoIncidents, name: 'two.txt' }),
    ).toMatchObject({ status: 'unchanged' });
  });

  it('folds the same act told by another outlet into one development with two sources', async () => {
    const ingestor = new Ingestor(app.briefing, clock, silentLogger);
    const a = await ingestor.ingest({ bytes: ARTICLE, name: 'a.txt' });
    const other = Buffer.from(
      'Date: 2022-09-07\n\nLes autorités albanaises ont rompu mercredi leurs relations diplomatiques avec Téhéran, un geste sans précédent après une cyberattaque attribuée à l’Iran. ' +
        'Tirana donne vingt-quatre heures aux diplomates iraniens pour quitter le pays.',
    );
    const b = await ingestor.ingest({ bytes: other, name: 'b.txt' });
    expect(b).toMatchObject({ status: 'added' });
    const expulsions = app.briefing.data
      .ownedDevelopments('albania-2022')
      .filter((d) => d.origin === 'ingested' && d.type === 'expulsion');
    expect(expulsions).toHaveLength(1);
    expect(expulsions[0]?.sources.sort()).toEqual(
      [a.status === 'added' ? a.sourceId : '', b.status === 'added' ? b.sourceId : ''].sort(),
    );
  });

  it('creates a new incident for an unknown story, and links a later article about it', async () => {
    const ingestor = new Ingestor(app.briefing, clock, silentLogger);
    const first = Buffer.from(
      "Date: 2022-07-19\n\nLa Belgique a accusé lundi des groupes de pirates liés à la Chine, dont APT27 et APT31, d'avoir mené des cyberattaques contre son ministère de la Défense. " +
        "L'ambassade de Chine à Bruxelles a rejeté ces accusations.",
    );
    const r = await ingestor.ingest({ bytes: first, name: 'be.txt' });
    expect(r).toMatchObject({ status: 'added', created: ['cyberattaque-ministere-defense-2022'] });
    const created = app.briefing.data.incident('cyberattaque-ministere-defense-2022');
    expect(created).toMatchObject({ origin: 'ingested', suspected: expect.arrayContaining(['CN']) });
    expect(app.briefing.brief('cyberattaque ministère défense 2022', 'fr').status).toBe('found');
  });
});

const hasSeeds = seedFiles().length > 0;
(hasSeeds ? describe : describe.skip)('after ingesting the seeds', () => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  beforeAll(async () => {
    app = await openTempApp({}, clock);
    const ingestor = new Ingestor(app.briefing, clock, silentLogger);
    for (const path of seedFiles())
      expect((await ingestor.ingest({ bytes: readFileSync(path), name: path })).status).toBe('added');
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('the WannaCry brief shows the toolbox adoption and Pyongyang’s denial, each with its source', () => {
    const source = [...app.briefing.data.sources.values()].find(
      (s) => s.origin === 'ingested' && s.published === '2017-06',
    );
    expect(source).toBeDefined();
    for (const locale of ['en', 'fr'] as const) {
      const brief = app.briefing.brief('wannacry', locale);
      expect(brief.status).toBe('found');
      const policy = brief.responses.find((r) => r.type === 'policy' && r.sources.includes(source?.id ?? ''));
      expect(policy?.text).toMatch(/boîte à outils cyberdiplomatique/);
      expect(policy?.lang).toBe('fr');
      const denial = brief.attribution.find((a) => a.stance === 'denied' && a.sources.includes(source?.id ?? ''));
      expect(denial?.by.map((b) => b.id)).toEqual(['KP']);
      expect(brief.sources.map((s) => s.id)).toContain(source?.id);
    }
  });

  it('keeps seed 004 on the known videoconference incident', () => {
    const brief = app.briefing.brief('visioconférence', 'fr');
    expect(brief.responses.some((r) => r.type === 'inquiry' && r.by.some((b) => b.id === 'nathalie-loiseau'))).toBe(
      true,
    );
  });
});

if (!hasSeeds) {
  describe('skipped: ../shared/seeds not found', () => {
    it('has no seed directory', () => expect(seedFiles()).toEqual([]));
  });
}
