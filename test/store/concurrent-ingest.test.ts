import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../adapters/root';
import { Ingestor } from '../../src/ingest/ingest';
import { silentLogger } from '../../src/log';
import { dropPrefix, runPrefix } from '../support/shared-store';
import { serviceUrl } from '../support/temp-app';

const root = join(__dirname, '..', '..');
const writer = join(__dirname, 'support', 'ingest-writer.ts');

/** States the lexicon knows by their English names; each article has its own, so no two developments merge. */
const STATES = [
  ['France', 'Germany', 'Japan', 'Canada', 'Australia', 'Italy', 'Spain', 'Poland'],
  ['Estonia', 'Sweden', 'Norway', 'Denmark', 'Netherlands', 'Belgium', 'Finland', 'Austria'],
];

/** Short articles of our own: one state each formally blaming North Korea for WannaCry, each on its own day. */
function writeArticles(dir: string): string[][] {
  return STATES.map((states, w) =>
    states.map((state, i) => {
      const file = join(dir, `w${w}-${i}.txt`);
      const day = String(1 + w * 10 + i).padStart(2, '0');
      writeFileSync(
        file,
        `Date: 2019-03-${day}\n\nThe government of ${state} formally attributed the WannaCry ransomware attack to North Korea on that day.\n`,
      );
      return file;
    }),
  );
}

interface Reported {
  file: string;
  status: string;
  developments: number;
}

function startWriter(
  env: NodeJS.ProcessEnv,
  files: string[],
): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<Reported[]> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', writer, ...files], {
    cwd: root,
    env,
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`writer exited ${code} before ready: ${err}`)));
  });
  const done = new Promise<Reported[]>((resolve, reject) =>
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`writer exited ${code}: ${err}`));
      resolve(JSON.parse(out.split('\n').filter(Boolean).pop() as string) as Reported[]);
    }),
  );
  return { child, ready, done };
}

/** Runs one writer per list of files, all starting at the same instant; returns what each reported. */
async function writeAtOnce(env: NodeJS.ProcessEnv, lists: string[][]): Promise<Reported[]> {
  const writers = lists.map((files) => startWriter(env, files));
  await Promise.all(writers.map((w) => w.ready));
  for (const w of writers) w.child.stdin.write('go\n');
  return (await Promise.all(writers.map((w) => w.done))).flat();
}

function twoWriters(name: string, url: (dir: string) => string, cleanup?: (prefix: string) => Promise<void>) {
  describe(`${name}: two processes ingesting into one incident at once`, () => {
    let dir: string;
    const prefix = runPrefix('cas');
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cyberbrief-cas-'));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await cleanup?.(prefix);
    });

    it('keeps every development both reported, and a second run changes nothing', async () => {
      const env = {
        ...process.env,
        CYBERBRIEF_STORE: url(dir),
        CYBERBRIEF_STORE_PREFIX: prefix,
        CYBERBRIEF_FEEDS: 'none',
        CYBERBRIEF_LOG_LEVEL: 'silent',
        CYBERBRIEF_NO_DOTENV: '1',
      };
      const lists = writeArticles(dir);
      // Seeded first, so that the writers race on the ingestion only.
      await (await openApp({ env, log: silentLogger })).close();
      const reported = await writeAtOnce(env, lists);
      expect(reported.map((r) => r.status)).toEqual(Array(16).fill('added'));
      const added = reported.reduce((n, r) => n + r.developments, 0);
      expect(added).toBeGreaterThanOrEqual(16);

      const app = await openApp({ env, log: silentLogger });
      try {
        const stored = await app.store.getIncident('wannacry');
        const ingested = (stored?.developments ?? []).filter((d) => d.origin === 'ingested');
        // Nothing lost: every development either writer said it added is in the record.
        expect(ingested.length).toBe(added);
        expect(new Set(ingested.flatMap((d) => d.sources)).size).toBe(16);

        // Markers were written only for what was kept: running again finds everything done.
        const ingestor = new Ingestor(app.briefing, undefined, silentLogger);
        for (const file of lists.flat())
          expect((await ingestor.ingest({ bytes: readFileSync(file), name: file })).status).toBe('unchanged');
        expect((await app.store.getIncident('wannacry'))?.developments.length).toBe(stored?.developments.length);
      } finally {
        await app.close();
      }
    }, 90_000);
  });
}

twoWriters('SQLite', (dir) => `sqlite://${join(dir, 'shared.sqlite')}`);
const redis = serviceUrl('CYBERBRIEF_TEST_REDIS_URL');
(redis ? describe : describe.skip)('Redis (CYBERBRIEF_TEST_REDIS_URL)', () =>
  twoWriters(
    'Redis',
    () => redis as string,
    (p) => dropPrefix(redis as string, p),
  ),
);
const pg = serviceUrl('CYBERBRIEF_TEST_PG_URL');
(pg ? describe : describe.skip)('PostgreSQL (CYBERBRIEF_TEST_PG_URL)', () =>
  twoWriters(
    'PostgreSQL',
    () => pg as string,
    (p) => dropPrefix(pg as string, p),
  ),
);
