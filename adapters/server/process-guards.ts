import type { EventEmitter } from 'node:events';
import type { Logger } from '../../src/log';

export interface ProcessGuardOptions {
  /** The process (tests pass an EventEmitter). */
  proc?: EventEmitter;
  exit?: (code: number) => void;
  now?: () => number;
  /** Uncaught exceptions tolerated within a minute before the process is judged broken. */
  maxPerMinute?: number;
}

/**
 * `serve` must not die of one bad request or one forgotten promise. A rejection nobody handled is
 * logged and the process goes on: it has already unwound, nothing is half done. An uncaught
 * exception is logged and survived too, since each request, timer and poll holds its own state;
 * but several within a minute mean a loop is failing, and a restart by the supervisor (exit 70)
 * is safer than serving from a broken state.
 */
export function guardProcess(log: Logger, opts: ProcessGuardOptions = {}): () => void {
  const proc = opts.proc ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const now = opts.now ?? (() => Date.now());
  const max = opts.maxPerMinute ?? 5;
  let recent: number[] = [];
  let exiting = false;

  const onRejection = (reason: unknown) => {
    log.error('process.unhandled_rejection', { error: describe(reason), stack: stackOf(reason) });
  };
  const onException = (error: unknown) => {
    const t = now();
    recent = [...recent.filter((at) => t - at < 60_000), t];
    log.error('process.uncaught_exception', {
      error: describe(error),
      stack: stackOf(error),
      lastMinute: recent.length,
    });
    if (recent.length > max && !exiting) {
      exiting = true;
      log.error('process.exit_forced', { reason: `${recent.length} uncaught exceptions within a minute` });
      exit(70);
    }
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function stackOf(e: unknown): string | undefined {
  return e instanceof Error ? e.stack?.split('\n').slice(1, 6).join(' | ') : undefined;
}
