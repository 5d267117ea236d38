import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../adapters/cli/main';
import { runCliCapturing } from '../support/run-cli';
import { silentLogger } from '../../src/log';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberbrief-cli-'));
  env = {
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(dir, 'cli.sqlite')}`,
    CYBERBRIEF_FEEDS: 'none',
    NO_COLOR: '1',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCliCapturing(args, env);

describe('cyberbrief CLI', () => {
  it('prints a readable, cited brief', async () => {
    const r = await cli('brief', 'wannacry');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/WannaCry/);
    expect(r.out).toMatch(/Timeline/);
    expect(r.out).toMatch(/\[1\] .+https:\/\//s);
    expect(r.out).not.toContain(String.fromCharCode(27));
  });

  it('prints the JSON contract with --json', async () => {
    const r = await cli('brief', 'lazarus', '--json');
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    expect(b).toMatchObject({
      query: 'lazarus',
      locale: 'en',
      status: 'found',
      subject: { kind: 'actor', id: 'G0032' },
    });
    for (const key of ['title', 'summary', 'attribution', 'responses', 'timeline', 'related', 'sources'])
      expect(b).toHaveProperty(key);
  });

  it('answers in French with --lang fr', async () => {
    const r = await cli('brief', 'microsoft', 'exchange', '--lang', 'fr');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Chronologie/);
  });

  it('exits 1 for nothing found and 2 for bad usage, with a clear message and no stack trace', async () => {
    const none = await cli('brief', 'qqqzzzxxyy');
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/No match/);
    const usage = await cli('brief', 'wannacry', '--lang', 'de');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--lang/);
    expect(usage.err).not.toMatch(/at .+\.ts:\d+/);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
  });

  it('prints help for every command', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/brief/);
    const sub = await cli('brief', '--help');
    expect(sub.out).toMatch(/--lang/);
  });

  it('fails fast naming a wrong configuration variable', async () => {
    let err = '';
    const code = await runCli(
      ['brief', 'wannacry'],
      { env: { ...env, CYBERBRIEF_LANG: 'de' }, log: silentLogger },
      { out: () => undefined, err: (t) => void (err += t) },
    );
    expect(code).toBe(78);
    expect(err).toMatch(/CYBERBRIEF_LANG/);
  });

  it('a store URL it cannot use is one line naming CYBERBRIEF_STORE, exit 78', async () => {
    let err = '';
    const code = await runCli(
      ['brief', 'wannacry'],
      { env: { ...env, CYBERBRIEF_STORE: 'foo://x' }, log: silentLogger },
      { out: () => undefined, err: (t) => void (err += t) },
    );
    expect(code).toBe(78);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^cyberbrief: .*CYBERBRIEF_STORE/);
  });

  it('lists incidents', async () => {
    const r = await cli('incidents', '--json');
    const rows = JSON.parse(r.out) as { id: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.map((x) => x.id)).toContain('wannacry');
  });
});
