import type { Logger } from '../../src/log';

/** Resolves once SIGTERM or SIGINT arrived and `stop` finished (or failed: the process ends either way). */
export function stopOnSignal(stop: () => Promise<void>, log: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    const on = (signal: string) => {
      log.info('serve.signal_received', { signal });
      stop().then(resolve, resolve);
    };
    process.once('SIGTERM', () => on('SIGTERM'));
    process.once('SIGINT', () => on('SIGINT'));
  });
}
