import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, openApp } from '../../adapters/root';
import { silentLogger } from '../../src/log';

/** A real app on a fresh SQLite file, filled from the bundled knowledge base. */
export async function openTempApp(
  extraEnv: Record<string, string> = {},
  now?: () => Date,
): Promise<App & { dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-test-'));
  const env = {
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
    CYBERBRIEF_FEEDS: 'none',
    CYBERBRIEF_LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  const app = await openApp({ env, log: silentLogger, now });
  return Object.assign(app, {
    dir,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** A service URL for the Redis and PostgreSQL suites; without it they run as `describe.skip`, counted as skipped. */
export function serviceUrl(name: 'CYBERBRIEF_TEST_REDIS_URL' | 'CYBERBRIEF_TEST_PG_URL'): string | undefined {
  const v = process.env[name];
  return v && v.length > 0 ? v : undefined;
}
