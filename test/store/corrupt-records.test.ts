import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../adapters/cli/main';
import { openApp } from '../../adapters/root';
import { jsonLogger, silentLogger } from '../../src/log';
import { openKv } from '../../src/store/kv';

/**
 * Records damaged on disk: a rebuildable cache record is dropped and rebuilt with a warning naming
 * its key, a curated record is restored from briefs/, and a damaged SQLite file is named.
 */
describe('corrupt records', () => {
  let template: string;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const envFor = (d: string): NodeJS.ProcessEnv => ({
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(d, 'store.sqlite')}`,
    CYBERBRIEF_FEEDS: 'none',
    CYBERBRIEF_LOG_LEVEL: 'silent',
  });
  beforeAll(async () => {
    // Seeded, and the search index saved, as after a first run; each test damages a copy.
    template = mkdtempSync(join(tmpdir(), 'cyberbrief-corrupt-template-'));
    await (await openApp({ env: envFor(template), log: silentLogger })).close();
    await (await openApp({ env: envFor(template), log: silentLogger })).close();
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-corrupt-'));
    for (const f of readdirSync(template)) copyFileSync(join(template, f), join(dir, f));
    env = envFor(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Overwrites one row's raw bytes, as a torn write or a bad disk would leave them. */
  async function damage(key: string, raw: string): Promise<void> {
    const kv = await openKv(env.CYBERBRIEF_STORE as string);
    const sqlite = kv.adapter as unknown as { query(sql: string, ...p: unknown[]): Promise<unknown> };
    await sqlite.query('UPDATE keyv SET value = ? WHERE key = ?', raw, key);
    await kv.close();
  }

  async function brief(): Promise<{ code: number; out: string; err: string; logs: string[] }> {
    let out = '';
    let err = '';
    const logs: string[] = [];
    const log = jsonLogger('warn', (l) => logs.push(l));
    const code = await runCli(
      ['brief', 'wannacry', '--json'],
      { env, log },
      {
        out: (t) => void (out += t),
        err: (t) => void (err += t),
      },
    );
    return { code, out, err, logs };
  }

  it.each([
    ['meta:revision', '{"value":"17'],
    ['meta:revision', '{"value":{"not":"a revision"}}'],
    ['meta:kb', '{"value":{"version":'],
    ['meta:search-index', '\u0000\u0001garbage'],
    ['meta:search-index', '{"value":{"revision":"x","format":"nine","index":12}}'],
  ])('drops a broken %s (%j), rebuilds it, and names it in a warning', async (key, raw) => {
    await damage(key, raw);
    const r = await brief();
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { status: string }).status).toBe('found');
    expect(r.logs.join('\n')).toContain(`"key":"${key}"`);
    // Rebuilt: the next run reads it without a word.
    const next = await brief();
    expect(next.code).toBe(0);
    expect(next.logs.filter((l) => l.includes(key))).toEqual([]);
  });

  it('restores a broken curated incident from briefs/', async () => {
    await damage('incident:wannacry', '{"value":{"v":2,"incident":{"id":"wannacry"');
    const r = await brief();
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out) as { status: string; timeline: unknown[] };
    expect(b.status).toBe('found');
    expect(b.timeline.length).toBeGreaterThan(0);
    expect(r.logs.join('\n')).toContain('incident:wannacry');
    const app = await openApp({ env, log: silentLogger });
    try {
      expect((await app.store.getIncident('wannacry'))?.developments.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('names the file when the SQLite file itself is damaged', async () => {
    const file = join(dir, 'store.sqlite');
    // Scribbles over the header and the first pages.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    closeSync(fd);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const r = await brief();
    expect(r.code).toBe(70);
    expect(r.err.trim().split('\n')).toEqual([expect.stringContaining(file)]);
    expect(r.err).toMatch(/damaged/);
    expect(r.err).not.toMatch(/JSON|Unexpected token/);
  });
});
