import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log';

/** Bolt's own lines: debug when cyberbrief logs at debug, else warnings and errors only (Bolt is chatty). */
export function boltLogLevel(level: string): LogLevel {
  return level === 'debug' ? LogLevel.DEBUG : LogLevel.WARN;
}

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt, its WebClient and the Socket Mode client log through this, so their lines are JSON
 * lines like ours. Bolt redacts tokens in what it logs; our logger masks secret-named fields.
 */
export function boltLogger(log: Logger, level: LogLevel = LogLevel.WARN): BoltLogger {
  let min = level;
  let name = 'bolt';
  const emit =
    (lvl: LogLevel, write: (event: string, fields: Record<string, unknown>) => void) =>
    (...msg: unknown[]) => {
      if (ORDER.indexOf(lvl) < ORDER.indexOf(min)) return;
      write('slack.bolt_logged', { source: name, message: msg.map(show).join(' ') });
    };
  return {
    debug: emit(LogLevel.DEBUG, (e, f) => log.debug(e, f)),
    info: emit(LogLevel.INFO, (e, f) => log.info(e, f)),
    warn: emit(LogLevel.WARN, (e, f) => log.warn(e, f)),
    error: emit(LogLevel.ERROR, (e, f) => log.error(e, f)),
    setLevel: (l) => {
      min = l;
    },
    getLevel: () => min,
    setName: (n) => {
      name = n;
    },
  };
}

function show(m: unknown): string {
  if (m instanceof Error) return m.message;
  if (typeof m === 'string') return m;
  try {
    return JSON.stringify(m);
  } catch {
    return String(m);
  }
}
