import { redactUrlsIn } from './text/redact-url';

/** One JSON line per event on stderr. Fields are the caller's; secrets are never passed in. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ORDER = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof ORDER)[number];
export const LOG_LEVELS: readonly string[] = ORDER;

/** Values of these keys are masked even if a caller passes them by mistake. */
const SECRET_KEY = /token|secret|password|authorization|cookie|signature/i;

export function jsonLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const min = ORDER.indexOf(level);
  const emit =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (ORDER.indexOf(lvl) < min) return;
      const safe: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields))
        safe[k] = SECRET_KEY.test(k) ? '***' : v instanceof Error ? v.message : v;
      // URLs anywhere in the line (a store URL, a feed link, an error message quoting one) lose their credentials.
      write(redactUrlsIn(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...safe })));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = jsonLogger('silent');
