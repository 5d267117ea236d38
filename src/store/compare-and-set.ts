import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { KvKind } from './kv';

/**
 * Compare-and-set on one keyv record, below keyv: a writer reads the stored bytes, computes what
 * to write, and the write happens only if the bytes are still those it read. keyv itself only
 * offers blind writes, with which two processes updating one record keep only the last one's work.
 */
export interface CasRecords {
  /** The stored value of `key` (undefined when absent) and the raw bytes a swap compares against. */
  read(key: string): Promise<{ raw: string | undefined; value: unknown }>;
  /** Writes `value` only if `key` still holds `expected` (undefined: still absent). True when written. */
  swap(key: string, expected: string | undefined, value: unknown): Promise<boolean>;
}

interface SqlAdapter {
  opts: { table?: string; schema?: string };
  query(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  get(key: string): Promise<unknown>;
}
interface RedisAdapter {
  namespace?: string;
  createKeyPrefix(key: string, namespace?: string): string;
  get(key: string): Promise<unknown>;
  getClient(): Promise<{ eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown> }>;
}

/**
 * Sets KEYS[1] to ARGV[2] if its SHA-1 is ARGV[1] ('' for an absent key). Comparing digests keeps
 * a large record from crossing the wire twice; Lua runs atomically on the server.
 */
const REDIS_SWAP = `local cur = redis.call('GET', KEYS[1])
if cur == false then
  if ARGV[1] ~= '' then return 0 end
elseif redis.sha1hex(cur) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1`;

export function casRecords(kind: KvKind, keyv: Keyv): CasRecords {
  const adapter = keyv.store as unknown;
  const serialize = async (value: unknown) => (await keyv.serializeData({ value, expires: undefined })) as string;
  const read = async (key: string) => {
    const raw = (await (adapter as { get(k: string): Promise<unknown> }).get(keyv._getKeyPrefix(key))) as
      string | undefined | null;
    if (raw === undefined || raw === null) return { raw: undefined, value: undefined };
    try {
      return { raw, value: (await keyv.deserializeData<unknown>(raw))?.value };
    } catch {
      // Bytes that are not JSON: the caller sees an unreadable record, and may replace it.
      return { raw, value: { unreadable: 'not JSON' } };
    }
  };

  if (kind === 'redis') {
    const redis = adapter as RedisAdapter;
    return {
      read,
      async swap(key, expected, value) {
        const full = redis.createKeyPrefix(keyv._getKeyPrefix(key), redis.namespace);
        const client = await redis.getClient();
        const digest = expected === undefined ? '' : createHash('sha1').update(expected, 'utf8').digest('hex');
        const r = await client.eval(REDIS_SWAP, { keys: [full], arguments: [digest, await serialize(value)] });
        return Number(r) === 1;
      },
    };
  }

  const sql = adapter as SqlAdapter;
  const table = sql.opts.table ?? 'keyv';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`keyv table name "${table}" is not a plain name`);
  if (kind === 'postgres') {
    const schema = sql.opts.schema ?? 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`keyv schema "${schema}" is not a plain name`);
    const t = `${schema}.${table}`;
    const q = (text: string, params: unknown[]) =>
      (sql.query as (s: string, p: unknown[]) => Promise<unknown[]>)(text, params);
    return {
      read,
      async swap(key, expected, value) {
        const full = keyv._getKeyPrefix(key);
        const next = await serialize(value);
        // md5 on the server compares the row without sending the old bytes back.
        const rows =
          expected === undefined
            ? await q(`INSERT INTO ${t} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, [
                full,
                next,
              ])
            : await q(`UPDATE ${t} SET value = $2 WHERE key = $1 AND md5(value) = $3 RETURNING key`, [
                full,
                next,
                createHash('md5').update(expected, 'utf8').digest('hex'),
              ]);
        return rows.length === 1;
      },
    };
  }

  return {
    read,
    async swap(key, expected, value) {
      const full = keyv._getKeyPrefix(key);
      const next = await serialize(value);
      // SQLite serialises writers: one statement both checks and writes.
      const rows =
        expected === undefined
          ? await sql.query(
              `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key`,
              full,
              next,
            )
          : await sql.query(
              `UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`,
              next,
              full,
              expected,
            );
      return rows.length === 1;
    },
  };
}
