import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { ConfigError } from '../config';
import {
  damageOf,
  isAuthError,
  isConnectionError,
  StoreDamagedError,
  StoreUnavailableError,
  storeLabel,
} from './store-errors';

export type KvKind = 'sqlite' | 'redis' | 'postgres';

/**
 * One connection to the configured store, shared by every part of the process (incidents,
 * subscriptions, claims, Slack installations), each under its own keyv namespace.
 */
export interface KvBackend {
  readonly kind: KvKind;
  /** The URL with any password masked, safe for logs. */
  readonly safeUrl: string;
  /** scheme://host:port/db (or the SQLite file): no user, password or parameters at all. */
  readonly label: string;
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

export interface OpenKvOptions {
  /** Isolates several users of one shared server (parallel test runs, two deployments sharing a Redis). */
  prefix?: string;
  /** How long to keep trying a Redis or PostgreSQL that does not answer at start before giving up. */
  connectSeconds?: number;
  /** Told of connection trouble the client recovers from by itself (a restart of the server). */
  onConnectionError?: (error: Error) => void;
}

/** Per attempt: a server that accepts no connection within this is as good as down. */
const CONNECT_TIMEOUT_MS = 3_000;
/** A health check answers within this, whatever the network does. */
const PING_TIMEOUT_MS = 1_500;
/** The longest pause between reconnection attempts once running. */
const MAX_BACKOFF_MS = 2_000;

/**
 * Opens the store and checks that it answers. A Redis or PostgreSQL that cannot be reached is
 * retried with backoff for `connectSeconds`, then reported as one StoreUnavailableError naming
 * the store (host, port, database; never the password). A wrong password is reported at once.
 */
export async function openKv(url: string, opts: OpenKvOptions = {}): Promise<KvBackend> {
  const prefix = opts.prefix ?? '';
  const kind = storeKind(url);
  const label = storeLabel(url);
  const report = opts.onConnectionError ?? (() => undefined);
  const budgetMs = Math.max(1, opts.connectSeconds ?? 8) * 1000;
  // keyv adapters hold one namespace each: two Keyv instances sharing an adapter overwrite each
  // other's namespace (a clear() of one wipes the other), so every namespace gets its own adapter,
  // all of them on one connection (Redis) or one pool (PostgreSQL).
  const backend = await connectBackend(kind, url, label, budgetMs, report);
  const makeAdapter = () => guard(backend.makeAdapter(), label, report);
  const base = makeAdapter();
  if (kind === 'sqlite') {
    const sqlite = base as unknown as { query(sql: string): Promise<unknown> };
    try {
      // WAL lets a CLI read while `serve` writes; each set is its own transaction, so records stay whole after a crash.
      await sqlite.query('PRAGMA journal_mode=WAL');
      await sqlite.query('PRAGMA synchronous=NORMAL');
    } catch (e) {
      await backend.close();
      throw e;
    }
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
    label,
    adapter: base,
    namespace,
    async ping(): Promise<boolean> {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          namespace('health')
            .get('ping')
            .then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
          }),
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const adapters = [base, ...[...spaces.values()].map((k) => k.store as KeyvStoreAdapter)];
      await backend.close(adapters);
    },
  };
}

interface Backend {
  makeAdapter(): KeyvStoreAdapter;
  close(adapters?: KeyvStoreAdapter[]): Promise<void>;
}

async function connectBackend(
  kind: KvKind,
  url: string,
  label: string,
  budgetMs: number,
  report: (e: Error) => void,
): Promise<Backend> {
  if (kind === 'sqlite') {
    const file = resolve(url.replace(/^sqlite:\/\//, ''));
    mkdirSync(dirname(file), { recursive: true });
    const { KeyvSqlite } = await import('@keyv/sqlite');
    return {
      makeAdapter: () =>
        new KeyvSqlite({
          uri: `sqlite://${file}`,
          busyTimeout: 10_000,
          iterationLimit: 2000,
        }) as unknown as KeyvStoreAdapter,
      async close(adapters = []) {
        await Promise.allSettled(adapters.map((a) => (a as { disconnect?: () => Promise<void> }).disconnect?.()));
      },
    };
  }
  if (kind === 'redis') return connectRedis(url, label, budgetMs, report);
  return connectPostgres(url, label, budgetMs, report);
}

async function connectRedis(
  url: string,
  label: string,
  budgetMs: number,
  report: (e: Error) => void,
): Promise<Backend> {
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const deadline = Date.now() + budgetMs;
  let running = false;
  const client = createClient({
    url,
    // While the server is away, commands fail at once (and lookups are answered from memory)
    // rather than queue up and all fire when it returns.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number, cause: Error) => {
        const wait = Math.min(100 * 2 ** retries, MAX_BACKOFF_MS) + Math.floor(Math.random() * 100);
        if (running) return wait;
        // At start: a wrong password will not get better; an absent server gets until the deadline.
        if (isAuthError(cause) || Date.now() + wait > deadline) return cause;
        return wait;
      },
    },
  });
  // Every namespace's adapter listens on this one client.
  client.setMaxListeners(0);
  client.on('error', (e: Error) => {
    if (running) report(e);
  });
  try {
    await client.connect();
  } catch (e) {
    try {
      client.destroy();
    } catch {
      // A client that gave up is already closed.
    }
    throw StoreUnavailableError.from(label, e);
  }
  running = true;
  return {
    makeAdapter: () =>
      new KeyvRedis(client as never, { throwOnConnectError: true, throwOnErrors: true }) as unknown as KeyvStoreAdapter,
    async close() {
      running = false;
      try {
        await client.close();
      } catch {
        client.destroy();
      }
    },
  };
}

async function connectPostgres(
  url: string,
  label: string,
  budgetMs: number,
  report: (e: Error) => void,
): Promise<Backend> {
  const [{ default: KeyvPostgres }, { default: pg }] = await Promise.all([import('@keyv/postgres'), import('pg')]);
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection ended by the server (a restart: 57P01) is reported here; without a
  // listener it would end the process. The pool opens new connections when the server is back.
  pool.on('error', (e: Error) => report(e));
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      break;
    } catch (e) {
      const err = StoreUnavailableError.from(label, e);
      const wait = Math.min(250 * 2 ** attempt, MAX_BACKOFF_MS);
      if (err.permanent || !isConnectionError(e) || Date.now() + wait > deadline) {
        await pool.end().catch(() => undefined);
        throw err;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  /** keyv's adapter on our pool (its own is a module-wide pool with no error listener). */
  class PooledPostgres extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    override async disconnect() {
      // The pool is shared by every namespace: closed once, by close().
    }
  }
  return {
    makeAdapter: () => new PooledPostgres({ uri: url, iterationLimit: 2000 }) as unknown as KeyvStoreAdapter,
    async close() {
      await pool.end().catch(() => undefined);
    },
  };
}

const GUARDED = new Set(['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'clear', 'has', 'query']);

/**
 * Every store call that fails because the server is not there becomes a StoreUnavailableError
 * naming the store: a write refused while Redis or PostgreSQL is away says so plainly, wherever
 * it came from. The adapter's own error events are swallowed here (the caller sees the rejection).
 */
function guard(adapter: KeyvStoreAdapter, label: string, report: (e: Error) => void): KeyvStoreAdapter {
  (adapter as unknown as { on?: (event: string, fn: (e: Error) => void) => void }).on?.('error', (e: Error) => {
    if (isConnectionError(e)) report(e);
  });
  const translate = (e: unknown): never => {
    const damage = damageOf(e);
    if (damage) throw new StoreDamagedError(label, damage);
    throw isConnectionError(e) || isAuthError(e) ? StoreUnavailableError.from(label, e) : e;
  };
  return new Proxy(adapter, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'iterator')
        return async function* (...args: unknown[]) {
          try {
            yield* fn.apply(target, args) as AsyncGenerator<unknown>;
          } catch (e) {
            translate(e);
          }
        };
      if (typeof prop !== 'string' || !GUARDED.has(prop)) return fn.bind(target);
      return (...args: unknown[]) => {
        try {
          return Promise.resolve(fn.apply(target, args)).catch(translate);
        } catch (e) {
          return translate(e);
        }
      };
    },
  });
}
