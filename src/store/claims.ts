import type { KvBackend } from './kv';

/**
 * A lease on a key, held by one owner at a time across every process sharing the store. A holder
 * that dies simply stops renewing: once the lease has run out, anyone may take the key over.
 */
export interface ClaimStore {
  /** True when `owner` now holds `key` for `leaseMs` (a free key, or one whose lease ran out). */
  acquire(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Frees `key` if `owner` still holds it; never frees another owner's claim. */
  release(key: string, owner: string): Promise<boolean>;
  /** Removes every claim of this store (tests clean up with it; a shared store keeps others' keys). */
  destroy(): Promise<void>;
}

export interface ClaimOptions {
  /** SQL table for sqlite/postgres (letters, digits, `_`). Tests use one per run. */
  table?: string;
  /** Redis key prefix. Tests use one per run. */
  prefix?: string;
}

const DEFAULT_TABLE = 'cyberbrief_claims';
const DEFAULT_PREFIX = 'cyberbrief:claim:';

/** Claims in the same store as everything else: Redis SET NX PX, or an insert-on-conflict in SQL. */
export function openClaims(kv: KvBackend, opts: ClaimOptions = {}): ClaimStore {
  const table = opts.table ?? DEFAULT_TABLE;
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(table))
    throw new Error(`claims table name "${table}" must be letters, digits and _`);
  if (kv.kind === 'redis') return new RedisClaims(kv.adapter as unknown as RedisAdapter, opts.prefix ?? DEFAULT_PREFIX);
  if (kv.kind === 'postgres') return new PostgresClaims((kv.adapter as unknown as SqlAdapter).query, table);
  return new SqliteClaims((kv.adapter as unknown as SqlAdapter).query, table);
}

/** The few node-redis calls used here; the same on a client, a cluster and a sentinel. */
interface RedisCommands {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  scanIterator?(options: { MATCH: string; COUNT?: number }): AsyncIterable<string | string[]>;
  del(keys: string | string[]): Promise<number>;
}
interface RedisAdapter {
  getClient(): Promise<RedisCommands>;
}
interface SqlAdapter {
  query: (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;
}

/** Deletes the key only while it still holds our owner token (a lease taken over is left alone). */
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

class RedisClaims implements ClaimStore {
  constructor(
    private readonly adapter: RedisAdapter,
    private readonly prefix: string,
  ) {}

  async acquire(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const client = await this.adapter.getClient();
    const r = await client.set(this.prefix + key, owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: Math.max(1, Math.round(leaseMs)) },
    });
    return r === 'OK';
  }

  async release(key: string, owner: string): Promise<boolean> {
    const client = await this.adapter.getClient();
    return Number(await client.eval(RELEASE_SCRIPT, { keys: [this.prefix + key], arguments: [owner] })) === 1;
  }

  async destroy(): Promise<void> {
    const client = await this.adapter.getClient();
    if (!client.scanIterator) return;
    for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(this.prefix)}*`, COUNT: 500 })) {
      const keys = Array.isArray(batch) ? batch : [batch];
      if (keys.length > 0) await client.del(keys);
    }
  }
}

/**
 * One statement takes a free or expired key: the conflict update only happens when the lease has
 * run out, and RETURNING says whether this statement wrote the row. The lease is measured on the
 * database clock, so replicas with skewed clocks agree.
 */
class PostgresClaims implements ClaimStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly query: SqlAdapter['query'],
    private readonly table: string,
  ) {}

  async acquire(key: string, owner: string, leaseMs: number): Promise<boolean> {
    await this.ensureTable();
    const rows = await this.query(
      `INSERT INTO ${this.table} AS c (key, owner, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
       WHERE c.expires_at <= clock_timestamp() RETURNING owner`,
      [key, owner, Math.max(1, Math.round(leaseMs))],
    );
    return rows.length === 1;
  }

  async release(key: string, owner: string): Promise<boolean> {
    await this.ensureTable();
    const rows = await this.query(`DELETE FROM ${this.table} WHERE key = $1 AND owner = $2 RETURNING key`, [
      key,
      owner,
    ]);
    return rows.length === 1;
  }

  async destroy(): Promise<void> {
    await this.query(`DROP TABLE IF EXISTS ${this.table}`);
    this.ready = undefined;
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (key VARCHAR(512) PRIMARY KEY, owner VARCHAR(255) NOT NULL, expires_at TIMESTAMPTZ NOT NULL)`,
    ).then(
      () => undefined,
      (e: { code?: string }) => {
        // Two replicas creating the table at once: one wins, the other sees it exists.
        if (e.code === '23505' || e.code === '42P07') return;
        this.ready = undefined;
        throw e;
      },
    );
    return this.ready;
  }
}

/**
 * The same single statement on SQLite (3.35+ for RETURNING). SQLite serialises writers, and the
 * lease is measured on this machine's clock, which every process of a SQLite store shares.
 */
class SqliteClaims implements ClaimStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly query: SqlAdapter['query'],
    private readonly table: string,
  ) {}

  async acquire(key: string, owner: string, leaseMs: number): Promise<boolean> {
    await this.ensureTable();
    const now = Date.now();
    const rows = await this.query(
      `INSERT INTO ${this.table} (key, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE ${this.table}.expires_at <= ? RETURNING owner`,
      key,
      owner,
      now + Math.max(1, Math.round(leaseMs)),
      now,
    );
    return rows.length === 1;
  }

  async release(key: string, owner: string): Promise<boolean> {
    await this.ensureTable();
    const rows = await this.query(`DELETE FROM ${this.table} WHERE key = ? AND owner = ? RETURNING key`, key, owner);
    return rows.length === 1;
  }

  async destroy(): Promise<void> {
    await this.query(`DROP TABLE IF EXISTS ${this.table}`);
    this.ready = undefined;
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
    ).then(
      () => undefined,
      (e: unknown) => {
        this.ready = undefined;
        throw e;
      },
    );
    return this.ready;
  }
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}
