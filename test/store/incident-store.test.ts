import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Development } from '../../src/domain/development';
import type { Incident } from '../../src/domain/incident';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { type KvBackend, openKv } from '../../src/store/kv';
import { seedStore } from '../../src/store/seed';
import type { KnowledgeBase } from '../../src/kb/types';
import { serviceUrl } from '../support/temp-app';

const incident = (id: string): Incident => ({
  id,
  name: { en: `Test ${id}`, fr: `Essai ${id}` },
  aliases: [],
  type: 'espionage',
  period: { start: '2020-01' },
  targets: ['FR'],
  suspected: [],
  summary: { en: 'A test incident.', fr: 'Un incident d’essai.' },
  related: [],
  origin: 'ingested',
});
const development = (id: string, incidentId: string, origin: 'curated' | 'ingested' = 'ingested'): Development => ({
  id,
  type: 'statement',
  date: '2020-02-03',
  by: ['FR'],
  against: [],
  incidents: [incidentId],
  text: { fr: 'Une déclaration.' },
  sources: [],
  origin,
  recordedAt: '2020-02-03T10:00:00.000Z',
});

function storeContract(name: string, open: () => Promise<KvBackend>) {
  describe(`${name} incident store`, () => {
    let kv: KvBackend;
    let store: KeyvIncidentStore;
    beforeEach(async () => {
      kv = await open();
      store = new KeyvIncidentStore(kv);
    });
    afterEach(async () => {
      for (const ns of ['incident', 'source', 'actor', 'meta']) await kv.namespace(ns).clear();
      await kv.close();
    });

    it('keeps an incident and its developments together, and reads them back validated', async () => {
      await store.saveIncident(incident('alpha'), [development('d1', 'alpha'), development('d2', 'alpha')]);
      const back = await store.getIncident('alpha');
      expect(back?.incident.name.fr).toBe('Essai alpha');
      expect(back?.developments.map((d) => d.id)).toEqual(['d1', 'd2']);
      const snap = await store.loadAll();
      expect(snap.incidents.map((i) => i.incident.id)).toEqual(['alpha']);
      expect(snap.problems).toEqual([]);
    });

    it('changes its revision on every write, so replicas know to reload', async () => {
      const r0 = await store.revision();
      await store.saveIncident(incident('beta'), []);
      const r1 = await store.revision();
      await store.saveSource({ id: 'abcdef12', language: 'fr', published: '2020-02', origin: 'ingested' });
      const r2 = await store.revision();
      expect(new Set([r0, r1, r2]).size).toBe(3);
    });

    it('reports a corrupt or foreign record with its key and keeps every other record', async () => {
      await store.saveIncident(incident('good'), [development('g1', 'good')]);
      const ns = kv.namespace('incident').namespace as string;
      await (kv.namespace('incident').store as { set(k: string, v: string): Promise<void> }).set(
        `${ns}:broken`,
        'not json {',
      );
      await kv.namespace('incident').set('foreign', { hello: 'world' });
      const snap = await store.loadAll();
      expect(snap.incidents.map((i) => i.incident.id)).toEqual(['good']);
      expect(snap.problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('incident:broken'),
          expect.stringContaining('incident:foreign'),
        ]),
      );
    });
  });
}

describe('store', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  storeContract('SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-store-'));
    dirs.push(dir);
    return openKv(`sqlite://${join(dir, 'store.sqlite')}`);
  });

  const redis = serviceUrl('CYBERBRIEF_TEST_REDIS_URL');
  // Without the variable jest reports the suite as skipped, not passed.
  (redis ? describe : describe.skip)('on Redis (CYBERBRIEF_TEST_REDIS_URL)', () =>
    storeContract('Redis', () => openKv(redis!, { prefix: `t-${randomUUID().slice(0, 8)}-` })),
  );

  const pg = serviceUrl('CYBERBRIEF_TEST_PG_URL');
  (pg ? describe : describe.skip)('on PostgreSQL (CYBERBRIEF_TEST_PG_URL)', () =>
    storeContract('PostgreSQL', () => openKv(pg!, { prefix: `t-${randomUUID().slice(0, 8)}-` })),
  );
});

describe('seeding from the knowledge base', () => {
  const kb = (version: string, devs: Development[]): KnowledgeBase => ({
    actors: [],
    incidents: [{ ...incident('wc'), origin: 'curated' }],
    developments: devs,
    sources: [],
    feeds: [],
    version,
  });
  let dir: string;
  let kv: KvBackend;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-seed-'));
    kv = await openKv(`sqlite://${join(dir, 's.sqlite')}`);
  });
  afterEach(async () => {
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills an empty store once and does nothing while the knowledge base is unchanged', async () => {
    const store = new KeyvIncidentStore(kv);
    await seedStore(store, kb('v1', [development('kb:1', 'wc', 'curated')]), () => new Date('2026-01-01T00:00:00Z'));
    const rev = await store.revision();
    await seedStore(store, kb('v1', [development('kb:1', 'wc', 'curated')]), () => new Date('2026-01-02T00:00:00Z'));
    expect(await store.revision()).toBe(rev);
  });

  it('refreshes curated records on a new release and keeps what was ingested and when curated facts were recorded', async () => {
    const store = new KeyvIncidentStore(kv);
    const now = () => new Date('2026-01-10T00:00:00Z');
    await seedStore(store, kb('v1', [development('kb:1', 'wc', 'curated')]), now);
    const seeded = await store.getIncident('wc');
    await store.saveIncident(seeded!.incident, [...seeded!.developments, development('ing:1', 'wc')]);
    const fresh = {
      ...development('kb:2', 'wc', 'curated'),
      date: '2026-01-08',
      recordedAt: '2026-01-08T12:00:00.000Z',
    };
    await seedStore(store, kb('v2', [development('kb:1', 'wc', 'curated'), fresh]), now);
    const after = await store.getIncident('wc');
    const byId = new Map(after!.developments.map((d) => [d.id, d]));
    expect([...byId.keys()].sort()).toEqual(['ing:1', 'kb:1', 'kb:2']);
    expect(byId.get('kb:1')!.recordedAt).toBe('2020-02-03T10:00:00.000Z');
    // A recent fact shipped by a release is news: digests pick it up from the refresh instant.
    expect(byId.get('kb:2')!.recordedAt).toBe('2026-01-10T00:00:00.000Z');
  });
});
