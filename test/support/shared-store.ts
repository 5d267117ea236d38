import { randomBytes } from 'node:crypto';
import { type KvBackend, openKv } from '../../src/store/kv';

/** A key prefix no other test run uses, for suites sharing the machine's Redis or PostgreSQL. */
export function runPrefix(label: string): string {
  return `cbtest-${label}-${randomBytes(4).toString('hex')}-`;
}

/** Deletes every key under `prefix` (every namespace the app wrote), on a shared Redis or PostgreSQL. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const kv: KvBackend = await openKv(url);
  try {
    const adapter = kv.adapter as unknown as {
      getClient?: () => Promise<{
        scanIterator(o: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
        del(k: string[]): Promise<number>;
      }>;
      query?: (sql: string, params?: unknown) => Promise<unknown>;
    };
    if (kv.kind === 'redis' && adapter.getClient) {
      const client = await adapter.getClient();
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
        if (keys.length > 0) await client.del(keys);
    } else if (kv.kind === 'postgres' && adapter.query) {
      await adapter.query(`DELETE FROM keyv WHERE key LIKE $1`, [`${prefix}%`]);
    }
  } finally {
    await kv.close();
  }
}
