import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { Catalog } from '../../src/catalog/catalog';

const root = join(__dirname, '..', '..');

describe('store durability and format versions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never leaves a half-written incident when the writing process is killed mid-write', async () => {
    const url = `sqlite://${join(dir, 'crash.sqlite')}`;
    // A writer that rewrites incidents with growing development lists as fast as it can.
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `
      import { KeyvIncidentStore } from ${JSON.stringify(join(root, 'src/store/incident-store'))};
      import { openKv } from ${JSON.stringify(join(root, 'src/store/kv'))};
      (async () => {
        const store = new KeyvIncidentStore(await openKv(${JSON.stringify(url)}));
        for (let round = 1; ; round++) {
          for (let i = 0; i < 20; i++) {
            const devs = Array.from({ length: round }, (_, d) => ({ id: 'd' + i + '-' + d, type: 'statement', date: '2021-01-02', by: ['FR'], against: [],
              incidents: ['inc-' + i], text: { en: 'x'.repeat(2000) }, sources: [], origin: 'ingested', recordedAt: '2021-01-02T00:00:00.000Z' }));
            await store.saveIncident({ id: 'inc-' + i, name: { en: 'I' + i, fr: 'I' + i }, aliases: [], type: 'espionage', period: { start: '2021' },
              targets: [], suspected: [], summary: { en: 's', fr: 's' }, related: [], origin: 'ingested' }, devs);
          }
          if (round === 3) process.stdout.write('writing\\n');
        }
      })();`,
    );
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const kv = await openKv(url);
    const snap = await new KeyvIncidentStore(kv).loadAll();
    await kv.close();
    expect(snap.problems).toEqual([]);
    expect(snap.incidents.length).toBe(20);
    const problems: string[] = [];
    const catalog = new Catalog(snap, (p) => problems.push(p));
    for (const { incident, facts } of snap.incidents) {
      // Each record is whole: its facts agree with the developments it holds.
      expect(catalog.ownedDevelopments(incident.id).length).toBe(facts.count);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('reads a record written in the first format (v1) and migrates it on the way', async () => {
    const kv = await openKv(`sqlite://${join(dir, 'v1.sqlite')}`);
    const dev = {
      id: 'd1',
      type: 'sanction',
      date: '2020-07-30',
      by: ['EU-COUNCIL'],
      against: ['KP'],
      incidents: ['old'],
      text: { en: 'Listed.' },
      sources: [],
      origin: 'curated',
      recordedAt: '2020-07-30T12:00:00.000Z',
    };
    await kv.namespace('incident').set('old', {
      v: 1,
      incident: {
        id: 'old',
        name: { en: 'Old', fr: 'Ancien' },
        aliases: [],
        type: 'sanctions',
        period: { start: '2020-07' },
        targets: [],
        suspected: [],
        summary: { en: 's', fr: 's' },
        related: [],
        origin: 'curated',
      },
      developments: [dev],
    });
    const store = new KeyvIncidentStore(kv);
    const back = await store.getIncident('old');
    expect(back?.developments).toEqual([dev]);
    const snap = await store.loadAll();
    expect(snap.problems).toEqual([]);
    expect(snap.incidents[0]!.facts).toMatchObject({ count: 1, actors: ['EU-COUNCIL', 'KP'] });
    await kv.close();
  });

  it('reports a development that no longer validates, by incident, and keeps the others', async () => {
    const kv = await openKv(`sqlite://${join(dir, 'bad-dev.sqlite')}`);
    const good = {
      id: 'g',
      type: 'statement',
      date: '2021-01-01',
      by: [],
      against: [],
      incidents: ['x'],
      text: { en: 'ok' },
      sources: [],
      origin: 'ingested',
      recordedAt: '2021-01-01T00:00:00.000Z',
    };
    await kv.namespace('incident').set('x', {
      v: 2,
      incident: {
        id: 'x',
        name: { en: 'X', fr: 'X' },
        aliases: [],
        type: 'espionage',
        period: { start: '2021' },
        targets: [],
        suspected: [],
        summary: { en: 's', fr: 's' },
        related: [],
        origin: 'ingested',
      },
      facts: { count: 2, actors: [], alsoAbout: [], lastRecordedAt: '2021-01-01T00:00:00.000Z' },
      developments: JSON.stringify([good, { ...good, id: 'b', date: 'yesterday' }]),
    });
    const snap = await new KeyvIncidentStore(kv).loadAll();
    const problems: string[] = [];
    const catalog = new Catalog(snap, (p) => problems.push(p));
    expect(catalog.ownedDevelopments('x').map((d) => d.id)).toEqual(['g']);
    expect(problems).toEqual([expect.stringMatching(/^incident:x: developments\.1: date/)]);
    await kv.close();
  });
});
