import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { type CliContext, type RegisterCommand, UsageError } from '../../adapters/cli/context';
import { openApp } from '../../adapters/root';
import { silentLogger } from '../../src/log';

/**
 * Runs CLI commands the way adapters/cli/main.ts does (same exit-code mapping), on a fresh SQLite
 * store and an empty knowledge base, so the commands can be tested before main.ts lists them.
 */
export function cliSandbox(commands: RegisterCommand[], now: Date) {
  const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-cli-'));
  mkdirSync(join(dir, 'kb', 'incidents'), { recursive: true });
  const env = {
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
    CYBERBRIEF_KB_DIR: join(dir, 'kb'),
    CYBERBRIEF_FEEDS: 'none',
    CYBERBRIEF_LOG_LEVEL: 'silent',
    CYBERBRIEF_TZ: 'Europe/Paris',
    CYBERBRIEF_LANG: 'en',
  };
  const options = { env, log: silentLogger, now: () => now };

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const ctx: CliContext = {
      open: () => openApp(options),
      out: (t) => (out += t),
      err: (t) => (err += t),
      color: false,
      options,
    };
    const program = new Command('cyberbrief').exitOverride();
    program.configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
    for (const register of commands) register(program, ctx);
    process.exitCode = undefined;
    try {
      await program.parseAsync(argv, { from: 'user' });
      return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, out, err };
    } catch (e) {
      if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, out, err };
      if (e instanceof UsageError) return { code: 2, out, err: `${err}cyberbrief: ${e.message}\n` };
      return { code: 70, out, err: `${err}cyberbrief: ${(e as Error).message}\n` };
    } finally {
      process.exitCode = undefined;
    }
  }

  return { dir, env, options, run, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
