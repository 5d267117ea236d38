import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../adapters/cli/main';
import { loadEnvFile } from '../../adapters/cli/env-file';
import { silentLogger } from '../../src/log';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'adapters', 'cli', 'main.ts');

/** The real executable, in a folder of the test's choosing, until it exits or prints `until`. */
function cyberbrief(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  until?: RegExp,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), MAIN, ...args], {
      cwd,
      env: { ...env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (until && until.test(err)) child.kill('SIGTERM');
    });
    child.on('close', (code) => done({ code, out, err }));
  });
}

/** The environment of a user who set nothing cyberbrief-specific. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(CYBERBRIEF_|SLACK_|Microsoft|PORT$)/.test(k)) env[k] = v;
  return env;
}

describe('env files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a .env in the working folder is read by no command', async () => {
    const planted = join(dir, 'planted.sqlite');
    writeFileSync(join(dir, '.env'), `CYBERBRIEF_STORE=sqlite://${planted}\nCYBERBRIEF_FETCH_ALLOW=0.0.0.0/0\n`);
    const env = { ...plainEnv(), CYBERBRIEF_STORE: undefined, CYBERBRIEF_FEEDS: 'none' };
    const r = await cyberbrief(dir, ['incidents', '--json'], env);
    expect(r.code).toBe(0);
    expect(existsSync(planted)).toBe(false);
  }, 60_000);

  it('serve reads the file it is told to, and names it in the log with the safety settings it set', async () => {
    const store = join(dir, 'named.sqlite');
    const file = join(dir, 'serve.env');
    writeFileSync(
      file,
      `CYBERBRIEF_STORE=sqlite://${store}\nCYBERBRIEF_FETCH_ALLOW=127.0.0.1\nCYBERBRIEF_FEEDS=none\nPORT=0\nCYBERBRIEF_LANG=fr\n`,
    );
    const env = { ...plainEnv(), CYBERBRIEF_LANG: 'en' };
    const r = await cyberbrief(dir, ['serve', '--env-file', file], env, /serving on port/);
    expect(r.err).toMatch(/serving on port \d+/);
    expect(existsSync(store)).toBe(true);
    const line = r.err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'serve.env_file');
    expect(line).toMatchObject({
      level: 'warn',
      file,
      safetySettings: ['CYBERBRIEF_FETCH_ALLOW'],
      // A variable already set in the environment wins over the file.
    });
    expect((line?.set as string[]).sort()).toEqual([
      'CYBERBRIEF_FEEDS',
      'CYBERBRIEF_FETCH_ALLOW',
      'CYBERBRIEF_STORE',
      'PORT',
    ]);
    expect(JSON.stringify(line)).not.toContain('127.0.0.1');
  }, 60_000);

  it('a folder, a missing file or a device named as env file: one line, exit 78', async () => {
    mkdirSync(join(dir, '.env'));
    const env = { ...plainEnv(), CYBERBRIEF_STORE: `sqlite://${join(dir, 's.sqlite')}` };
    for (const [args, env2, pattern] of [
      [['serve', '--env-file', join(dir, '.env')], env, /is a folder/],
      [['serve'], { ...env, CYBERBRIEF_ENV_FILE: join(dir, '.env') }, /is a folder/],
      [['serve', '--env-file', join(dir, 'nope.env')], env, /no such file/],
      [['serve', '--env-file', '/dev/null'], env, /not a regular file/],
    ] as const) {
      let err = '';
      const code = await runCli(
        [...args],
        { env: { ...env2 }, log: silentLogger },
        { out: () => undefined, err: (t) => void (err += t) },
      );
      expect(code).toBe(78);
      expect(err).toMatch(pattern);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('keeps what the environment already says', () => {
    const file = join(dir, 'x.env');
    writeFileSync(file, 'A_SETTING=from-file\nB_SETTING="quoted # not a comment"\n# comment\nCYBERBRIEF_TEAMS_DEV=1\n');
    const env: NodeJS.ProcessEnv = { A_SETTING: 'from-env' };
    expect(loadEnvFile(file, env)).toEqual({
      file,
      set: ['B_SETTING', 'CYBERBRIEF_TEAMS_DEV'],
      safety: ['CYBERBRIEF_TEAMS_DEV'],
    });
    expect(env).toMatchObject({ A_SETTING: 'from-env', B_SETTING: 'quoted # not a comment' });
  });
});
