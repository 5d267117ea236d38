import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CyberbriefError, ERROR_CODES, EXIT_STATUS, exitStatusOf } from '../../src/errors';

const BUILT = join(__dirname, '..', '..', 'dist', 'adapters', 'cli', 'main.js');

describe('exit statuses', () => {
  test('one table: usage 2, config and kb 78, everything else 70', () => {
    expect(EXIT_STATUS).toEqual({ usage: 2, config: 78, kb: 78, store: 70, platform: 70, input: 70, internal: 70 });
    for (const code of ERROR_CODES) expect(exitStatusOf(new CyberbriefError(code, 'x'))).toBe(EXIT_STATUS[code]);
    expect(exitStatusOf(new Error('anything else'))).toBe(70);
  });
});

// The built CLI, as a user runs it: `npm ci` builds dist/ (prepare), so this runs wherever the README's steps were followed.
(existsSync(BUILT) ? describe : describe.skip)('the built CLI (dist/)', () => {
  test('CYBERBRIEF_STORE=foo://x is one line naming the variable, exit 78', () => {
    const r = spawnSync(process.execPath, [BUILT, 'brief', 'wannacry'], {
      env: { ...process.env, CYBERBRIEF_STORE: 'foo://x', CYBERBRIEF_NO_DOTENV: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(78);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^cyberbrief: .*CYBERBRIEF_STORE/)]);
  });
});
