import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapturing } from '../support/run-cli';
import { oneLine, stripControl } from '../../src/text/terminal-text';

const ESC = '\u001b';
/** Retitles the window, clears the screen, and a bidi override: none may reach the terminal. */
const HOSTILE = `${ESC}]0;owned\u0007${ESC}[2J\u202e`;

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberbrief-tty-'));
  env = { ...process.env, CYBERBRIEF_STORE: `sqlite://${join(dir, 'cli.sqlite')}`, CYBERBRIEF_FEEDS: 'none' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCliCapturing(args, env);

const clean = (r: { out: string; err: string }) => {
  for (const text of [r.out, r.err]) {
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\u202e');
  }
};

describe('terminal output of user text', () => {
  it('strips control characters and keeps the rest', () => {
    expect(stripControl(`a${HOSTILE}b\tc\nd\r`)).toBe('a]0;owned[2Jb\tc\nd');
    expect(oneLine('name\nforged: added 5 developments')).toBe('name forged: added 5 developments');
  });

  it('does not echo escape sequences in file names', async () => {
    const name = join(dir, `note${HOSTILE}.txt`);
    writeFileSync(name, 'Too short.');
    const ingested = await cli('ingest', name);
    expect(ingested.out).toContain('note]0;owned');
    clean(ingested);
    const missing = await cli('extract', join(dir, `missing${HOSTILE}.txt`));
    expect(missing.code).toBe(2);
    clean(missing);
    const refused = await cli('extract', name);
    expect(refused.code).toBe(1);
    clean(refused);
  });

  it('does not echo escape sequences in --cron, --tz or --since values, nor forge lines', async () => {
    const base = ['subscriptions', 'add', '--platform', 'slack', '--workspace', 'T1', '--channel', 'C1'];
    const cron = await cli(...base, '--cron', `${HOSTILE}0 8 * * *`);
    expect(cron.code).toBe(2);
    expect(cron.err).toMatch(/^cyberbrief: --cron: /);
    clean(cron);
    const tz = await cli(...base, '--tz', `Europe/Paris${HOSTILE}\nsubscribed: S1`);
    expect(tz.code).toBe(2);
    expect(tz.err.trim().split('\n')).toHaveLength(1);
    clean(tz);
    const since = await cli('digest', '--since', `${HOSTILE}yesterday`);
    expect(since.code).toBe(2);
    clean(since);
    clean(await cli(`--unknown${HOSTILE}`));
  });
});
