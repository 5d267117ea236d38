import type { Logger } from '../log';
import type { KvBackend } from './kv';

export interface StoreHealth {
  /** False from the first failed check until one succeeds again. */
  readonly up: boolean;
  stop(): void;
}

/**
 * Checks the store every `intervalMs` and logs the moment it is lost (`store.connection_lost`) and the
 * moment it is back (`store.connection_recovered`, then `onRecovered`, e.g. reload or reseed), once each:
 * a server away for an hour gives two lines, not thousands.
 */
export function watchStore(
  kv: Pick<KvBackend, 'ping' | 'label'>,
  opts: { log: Logger; intervalMs?: number; onRecovered?: () => Promise<unknown> },
): StoreHealth {
  let up = true;
  let lostAt = 0;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const ok = await kv.ping();
      if (ok === up) return;
      up = ok;
      if (!ok) {
        lostAt = Date.now();
        opts.log.error('store.connection_lost', {
          store: kv.label,
          message: 'the store does not answer: lookups are answered from memory, writes are refused until it is back',
        });
        return;
      }
      opts.log.info('store.connection_recovered', {
        store: kv.label,
        downSeconds: Math.round((Date.now() - lostAt) / 1000),
      });
      await opts
        .onRecovered?.()
        .catch((e: unknown) =>
          opts.log.warn('store.recovery_failed', { store: kv.label, error: (e as Error).message }),
        );
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), opts.intervalMs ?? 1_000);
  timer.unref();
  return {
    get up() {
      return up;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
