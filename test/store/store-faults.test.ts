import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { openApp } from '../../adapters/root';
import { Ingestor } from '../../src/ingest/ingest';
import { silentLogger } from '../../src/log';
import { freePort, OwnPostgres, OwnRedis, postgresBin, redisServerBinary } from '../support/own-servers';

/**
 * The store going away: at start (unreachable, wrong password), and under a running `serve`
 * (stopped, restarted, back empty). Every server here is one the test started on a port of its
 * own; the machine's Redis and PostgreSQL are never touched.
 */

const root = join(__dirname, '..', '..');
const baseEnv = (store: string): NodeJS.ProcessEnv => ({
  ...process.env,
  CYBERBRIEF_STORE: store,
  CYBERBRIEF_FEEDS: 'none',
  CYBERBRIEF_LOG_LEVEL: 'info',
  CYBERBRIEF_NO_DOTENV: '1',
  CYBERBRIEF_RELOAD_SECONDS: '1',
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '',
  MicrosoftAppId: '',
});

/**
 * Runs the CLI; `ms` counts from the moment it starts opening the store (its `store.connection_opening`
 * debug line): ts-node's start-up on a busy test machine is not the store's to answer for.
 */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string; ms: number }> {
  let started = Date.now();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'adapters/cli/main.ts', ...args], {
    cwd: root,
    env: { ...env, CYBERBRIEF_LOG_LEVEL: 'debug' },
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    if (!err.includes('"store.connection_opening"') && d.toString().includes('"store.connection_opening"'))
      started = Date.now();
    err += d.toString();
  });
  child.stdout.resume();
  // A hang is the defect under test: give up well past the 15 s promised.
  const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err, ms: Date.now() - started });
    }),
  );
}

/** The promise: one line and exit 70 within 15 s. A released CLI starts in well under a second. */
const START_BUDGET_MS = 14_000;

describe('a store that cannot be reached at start', () => {
  it('stops brief and serve with one line naming the store and exit 70, within 15 s', async () => {
    const closed = await freePort();
    const runs = await Promise.all([
      cli(['brief', 'wannacry'], baseEnv(`redis://127.0.0.1:${closed}`)),
      cli(['serve', '--port', '0'], baseEnv(`redis://127.0.0.1:${closed}`)),
      cli(['brief', 'wannacry'], baseEnv(`postgresql://postgres:s3cret-pw@127.0.0.1:${closed}/cyberbrief`)),
      cli(['serve', '--port', '0'], baseEnv(`postgresql://postgres:s3cret-pw@127.0.0.1:${closed}/cyberbrief`)),
    ]);
    for (const r of runs) {
      expect(r).toMatchObject({ code: 70 });
      expect(r.ms).toBeLessThan(START_BUDGET_MS);
      const lines = r.err
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('{'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^cyberbrief: .*store .*127\\.0\\.0\\.1:${closed}.* (unreachable|refused)`));
      expect(r.err).not.toContain('s3cret-pw');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  (redisServerBinary ? it : it.skip)(
    'says so when Redis refuses the password, without echoing it',
    async () => {
      const redis = new OwnRedis(await freePort(), 'right-pw');
      await redis.start();
      try {
        const wrong = `redis://:wrong-pw@127.0.0.1:${redis.port}`;
        const r = await cli(['brief', 'wannacry'], baseEnv(wrong));
        expect(r.code).toBe(70);
        expect(r.ms).toBeLessThan(START_BUDGET_MS);
        expect(
          r.err
            .trim()
            .split('\n')
            .filter((l) => !l.startsWith('{')),
        ).toEqual([
          expect.stringMatching(new RegExp(`^cyberbrief: .*127\\.0\\.0\\.1:${redis.port}.*(password|auth)`, 'i')),
        ]);
        expect(r.err).not.toContain('wrong-pw');
      } finally {
        await redis.stop();
      }
    },
    60_000,
  );
});

interface Served {
  child: ChildProcessWithoutNullStreams;
  port: number;
  events: () => string[];
}

async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'adapters/cli/main.ts', 'serve', '--port', '0'],
    { cwd: root, env },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.resume();
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving on port (\d+)/.exec(err);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited ${code}: ${err}`));
    });
  });
  const events = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { event: string }).event);
  return { child, port, events };
}

/** SIGTERM, and SIGKILL if it has not stopped within 10 s (a hung `serve` must not hold the test run). */
async function stopServe(s: Served): Promise<number | null | 'killed'> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  const exited = new Promise<number | null>((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(timer);
  return s.child.signalCode === 'SIGKILL' ? 'killed' : code;
}

/** `p`, or a rejection saying it hung past `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** GET /healthz: the status, or 0 when no answer came within 2 s. */
function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.on('error', () => resolve(0));
  });
}

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Stops the store under a running `serve` and brings it back; `serve` must say so and survive. */
async function outage(s: Served, stop: () => Promise<void>, start: () => Promise<void>): Promise<void> {
  expect(await healthz(s.port)).toBe(200);
  await stop();
  const lost = Date.now();
  // Every answer comes within 2 s, and the first 503 within 2 s of the loss.
  expect(await until(async () => (await healthz(s.port)) === 503, 2_000)).toBe(true);
  expect(Date.now() - lost).toBeLessThan(4_000);
  expect(await until(() => s.events().includes('store.connection_lost'), 5_000)).toBe(true);
  await new Promise((r) => setTimeout(r, 1_500));
  expect(s.child.exitCode).toBeNull();
  await start();
  expect(await until(async () => (await healthz(s.port)) === 200, 10_000)).toBe(true);
  expect(await until(() => s.events().includes('store.connection_recovered'), 5_000)).toBe(true);
  expect(s.child.exitCode).toBeNull();
}

(redisServerBinary ? describe : describe.skip)('Redis going away under serve (own redis-server)', () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
  });
  afterAll(() => redis.stop());

  it('answers 503 while it is away, logs loss and recovery, and reseeds a Redis back empty once', async () => {
    const s = await serve(baseEnv(redis.url));
    try {
      expect(s.events().filter((e) => e === 'store.seeded')).toHaveLength(1);
      await outage(
        s,
        () => redis.stop(),
        () => redis.start(),
      );
      // Back with nothing in it: filled again from briefs/ once, not read as "no incidents".
      expect(await until(() => s.events().includes('store.reseeded'), 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 2_500));
      expect(s.events().filter((e) => e === 'store.reseeded')).toHaveLength(1);
      const app = await openApp({ env: baseEnv(redis.url), log: silentLogger });
      try {
        expect(app.briefing.brief('wannacry', 'en').status).toBe('found');
      } finally {
        await app.close();
      }
    } finally {
      expect(await stopServe(s)).toBe(0);
    }
  }, 90_000);

  it('answers lookups from memory while Redis is away, and refuses writes naming the store', async () => {
    const app = await openApp({ env: baseEnv(redis.url), log: silentLogger });
    try {
      await redis.stop();
      expect(app.briefing.brief('wannacry', 'en').status).toBe('found');
      const article = Buffer.from(
        'Date: 2019-05-02\n\nThe government of Japan formally attributed the WannaCry ransomware attack to North Korea.',
      );
      await expect(within(new Ingestor(app.briefing).ingest({ bytes: article, name: 'a.txt' }), 5_000)).rejects.toThrow(
        new RegExp(`store redis://127\\.0\\.0\\.1:${redis.port} is unreachable`),
      );
    } finally {
      await redis.start();
      await within(app.close(), 5_000).catch(() => undefined);
    }
  }, 60_000);
});

(postgresBin ? describe : describe.skip)('PostgreSQL restarting under serve (own cluster)', () => {
  let pg: OwnPostgres;
  beforeAll(async () => {
    pg = new OwnPostgres(await freePort());
    await pg.init();
  }, 60_000);
  afterAll(() => pg.destroy());

  it('survives the sessions being terminated (57P01), answers 503 meanwhile, logs loss and recovery', async () => {
    const s = await serve(baseEnv(pg.url));
    try {
      await outage(
        s,
        () => pg.stop(),
        () => pg.start(),
      );
    } finally {
      expect(await stopServe(s)).toBe(0);
    }
  }, 90_000);
});
