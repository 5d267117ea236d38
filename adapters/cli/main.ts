#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commandOf } from '../../src/chat/command-words';
import { CyberbriefError, EXIT_STATUS, exitStatusOf } from '../../src/errors';
import { jsonLogger, LOG_LEVELS, type LogLevel } from '../../src/log';
import { packageVersion } from '../../src/package-root';
import { openApp, type OpenOptions } from '../root';
import type { CliContext, RegisterCommand } from './context';
/**
 * Commands load on demand: reading articles pulls in HTML and date parsers, serving pulls in
 * Bolt and botbuilder, and none of that should slow `cyberbrief brief`. Order is the help's order.
 */
const COMMANDS: Record<string, () => RegisterCommand> = {
  brief: () => (require('./commands/brief') as { register: RegisterCommand }).register,
  latest: () => (require('./commands/latest') as { register: RegisterCommand }).register,
  incidents: () => (require('./commands/incidents') as { register: RegisterCommand }).register,
  extract: () => (require('./commands/extract') as { register: RegisterCommand }).register,
  ingest: () => (require('./commands/ingest') as { register: RegisterCommand }).register,
  digest: () => (require('./commands/digest') as { register: RegisterCommand }).register,
  subscriptions: () => (require('./commands/subscriptions') as { register: RegisterCommand }).register,
  sources: () => (require('./commands/sources') as { register: RegisterCommand }).register,
  serve: () => (require('./commands/serve') as { register: RegisterCommand }).register,
};

/** `only`: the command being run, when known; every command is registered for help and errors. */
export function buildProgram(ctx: CliContext, only?: string): Command {
  // Output settings are copied to subcommands when they are created, so they come first.
  const program = new Command('cyberbrief')
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err })
    .description('Cyber-diplomacy briefs: who hit whom, who was accused, who denied, how states answered.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nData lives in CYBERBRIEF_STORE (default: sqlite file under ./data). See README.md and .env.example.',
    )
    .exitOverride();
  for (const [name, load] of Object.entries(COMMANDS)) if (only === undefined || only === name) load()(program, ctx);
  return program;
}

/** The command a first word runs: its name, or a chat word for it (`fiche`, `news`, `flux`). */
function commandNamed(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (word in COMMANDS) return word;
  const chat = commandOf(word);
  return chat === 'lookup' ? 'brief' : chat !== undefined && chat in COMMANDS ? chat : undefined;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: CliIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

export async function runCli(argv: string[], options: OpenOptions = {}, io: CliIo = stdio): Promise<number> {
  const env = options.env ?? process.env;
  const ctx: CliContext = {
    open: (opts) => {
      const level = (env.CYBERBRIEF_LOG_LEVEL as LogLevel | undefined) || opts?.defaultLogLevel || 'warn';
      return openApp({ ...options, env, log: options.log ?? jsonLogger(LOG_LEVELS.includes(level) ? level : 'warn') });
    },
    out: io.out,
    err: io.err,
    color: Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb',
    options,
  };
  // A chat word (`fiche`, `récent`, `flux`) runs the command it names in chat, accents and all.
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const name = commandNamed(argv[at]);
  if (name !== undefined && at >= 0) argv = [...argv.slice(0, at), name, ...argv.slice(at + 1)];
  const program = buildProgram(ctx, name);
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_STATUS.usage;
    // One line whatever the code; the exit status comes from the one table in src/errors.
    io.err(`cyberbrief: ${(e as Error).message}\n`);
    if (env.CYBERBRIEF_DEBUG && !(e instanceof CyberbriefError)) io.err(`${(e as Error).stack}\n`);
    return exitStatusOf(e);
  } finally {
    process.exitCode = undefined;
  }
}

if (require.main === module) {
  // A `.env` in the working directory is read (variables already set win), so the README's
  // "copy .env.example to .env" is all a newcomer has to do.
  if (existsSync('.env') && !process.env.CYBERBRIEF_NO_DOTENV) process.loadEnvFile('.env');
  // `cyberbrief brief x | head` closes the pipe early: that is the reader's choice, not a fault.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cyberbrief: ${(e as Error).message}\n`);
      process.exitCode = exitStatusOf(e);
    },
  );
}
