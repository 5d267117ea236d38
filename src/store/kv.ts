import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { ConfigError } from '../config';

export type KvKind = 'sqlite' | 'redis' | 'postgres';

/**
 * One connection to the configured store, shared by every part of the process (incidents,
 * subscriptions, claims, Slack installations), each under its own keyv namespace.
 */
export interface KvBackend {
  readonly kind: KvKind;
  /** The URL with any password masked, safe for logs. */
  readonly safeUrl: string;
  namespace(ns: string): Keyv;
  /** The keyv adapter, for the few operations keyv itself does not offer (atomic claims). */
  readonly adapter: KeyvStoreAdapter;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

export function storeKind(url: string): KvKind {
  if (/^sqlite:\/\//.test(url)) return 'sqlite';
  if (/^rediss?:\/\//.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new ConfigError(
    `CYBERBRIEF_STORE: unsupported URL scheme in "${maskUrl(url)}" (use sqlite://path, redis://host:port or postgresql://host/db)`,
  );
}

/**
 * `prefix` isolates several users of one shared server (parallel test runs, or two deployments
 * sharing a Redis): every namespace is prefixed with it.
 */
export async function openKv(url: string, opts: { prefix?: string } = {}): Promise<KvBackend> {
  const prefix = opts.prefix ?? '';
  const kind = storeKind(url);
  // keyv adapters hold one namespace each: two Keyv instances sharing an adapter overwrite each
  // other's namespace (a clear() of one wipes the other), so every namespace gets its own adapter.
  const makeAdapter = await adapterFactory(kind, url);
  const base = makeAdapter();
  if (kind === 'sqlite') {
    const sqlite = base as unknown as { query(sql: string): Promise<unknown> };
    // WAL lets a CLI read while `serve` writes; each set is its own transaction, so records stay whole after a crash.
    await sqlite.query('PRAGMA journal_mode=WAL');
    await sqlite.query('PRAGMA synchronous=NORMAL');
  } else if (kind === 'redis') {
    await (base as unknown as { getClient(): Promise<unknown> }).getClient();
  }
  const spaces = new Map<string, Keyv>();
  let closed = false;
  const namespace = (ns: string): Keyv => {
    let kv = spaces.get(ns);
    if (!kv) {
      kv = new Keyv({ store: makeAdapter(), namespace: `${prefix}${ns}`, throwOnErrors: true });
      spaces.set(ns, kv);
    }
    return kv;
  };
  return {
    kind,
    safeUrl: maskUrl(url),
    adapter: base,
    namespace,
    async ping(): Promise<boolean> {
      if (closed) return false;
      try {
        await namespace('health').get('ping');
        return true;
      } catch {
        return false;
      }
    },
    async close(): Promise<void> {
      closed = true;
      const adapters = [base, ...[...spaces.values()].map((k) => k.store as KeyvStoreAdapter)];
      await Promise.allSettled(adapters.map((a) => (a as { disconnect?: () => Promise<void> }).disconnect?.()));
    },
  };
}

async function adapterFactory(kind: KvKind, url: string): Promise<() => KeyvStoreAdapter> {
  if (kind === 'sqlite') {
    const file = resolve(url.replace(/^sqlite:\/\//, ''));
    mkdirSync(dirname(file), { recursive: true });
    const { KeyvSqlite } = await import('@keyv/sqlite');
    return () =>
      new KeyvSqlite({
        uri: `sqlite://${file}`,
        busyTimeout: 10_000,
        iterationLimit: 2000,
      }) as unknown as KeyvStoreAdapter;
  }
  if (kind === 'redis') {
    const { default: KeyvRedis } = await import('@keyv/redis');
    return () => new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true }) as unknown as KeyvStoreAdapter;
  }
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  return () => new KeyvPostgres({ uri: url, iterationLimit: 2000, max: 3 }) as unknown as KeyvStoreAdapter;
}
