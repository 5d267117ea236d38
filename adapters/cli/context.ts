import type { Command } from 'commander';
import { CyberbriefError } from '../../src/errors';
import type { LogLevel } from '../../src/log';
import type { App, OpenOptions } from '../root';

/** What every CLI command gets: a way to open the app (lazily, so `--help` never touches a store) and its output streams. */
export interface CliContext {
  /** Opens the app; one-shot commands log only warnings unless CYBERBRIEF_LOG_LEVEL says otherwise. */
  open(opts?: { defaultLogLevel?: LogLevel }): Promise<App>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is a terminal that accepts colour. */
  color: boolean;
  options: OpenOptions;
}

/** A CLI command file exports one of these. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** A wrong command line; code `usage`, exit 2. Domain "nothing found" exits 1 without an error. */
export class UsageError extends CyberbriefError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
