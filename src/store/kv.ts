import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';

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
  throw new Error(`CYBERBRIEF_STORE: unsupported URL scheme in "${maskUrl(url)}" (use sqlite://path, redis://host:port or postgresql://host/db)`);
}

export async function openKv(url: string): Promise<KvBackend> {
  const kind = storeKind(url);
  let adapter: KeyvStoreAdapter;
  if (kind === 'sqlite') {
    const file = resolve(url.replace(/^sqlite:\/\//, ''));
    mkdirSync(dirname(file), { recursive: true });
    const { KeyvSqlite } = await import('@keyv/sqlite');
    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000, iterationLimit: 2000 });
    // WAL lets a CLI read while `serve` writes, and a synced commit per write keeps records whole after a crash.
    await sqlite.query('PRAGMA journal_mode=WAL');
    await sqlite.query('PRAGMA synchronous=NORMAL');
    adapter = sqlite as unknown as KeyvStoreAdapter;
  } else if (kind === 'redis') {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const redis = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true });
    await redis.getClient();
    adapter = redis as unknown as KeyvStoreAdapter;
  } else {
    const { default: KeyvPostgres } = await import('@keyv/postgres');
    adapter = new KeyvPostgres({ uri: url, iterationLimit: 2000, max: 5 }) as unknown as KeyvStoreAdapter;
  }
  const spaces = new Map<string, Keyv>();
  const namespace = (ns: string): Keyv => {
    let kv = spaces.get(ns);
    if (!kv) {
      kv = new Keyv({ store: adapter, namespace: ns, throwOnErrors: true });
      spaces.set(ns, kv);
    }
    return kv;
  };
  return {
    kind,
    safeUrl: maskUrl(url),
    adapter,
    namespace,
    async ping(): Promise<boolean> {
      try {
        await namespace('health').get('ping');
        return true;
      } catch {
        return false;
      }
    },
    async close(): Promise<void> {
      await (adapter as { disconnect?: () => Promise<void> }).disconnect?.();
    },
  };
}
