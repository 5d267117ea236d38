import { join } from 'node:path';
import type { App } from '../../../adapters/root';
import { HttpServer } from '../../../adapters/server/http-server';
import { mountTeams, type TeamsDeps, type TeamsMount } from '../../../adapters/server/mount-teams';
import { jsonLogger } from '../../../src/log';
import { openTempApp } from '../../support/temp-app';
import { ConnectorStub } from './connector-stub';
import type { Json } from './cards';

export const FIXTURE_KB = join(__dirname, '..', 'fixtures', 'kb');

export interface LogLine {
  level: string;
  event: string;
  [k: string]: unknown;
}

export interface TeamsHarness {
  app: App & { dir: string };
  http: HttpServer;
  mount: TeamsMount | undefined;
  connector: ConnectorStub;
  endpoint: string;
  logs: LogLine[];
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

/**
 * The real thing on loopback: an app on a temporary SQLite store (fixture knowledge base), the
 * shared HTTP server with the Teams endpoint mounted, and a Bot Connector stand-in.
 */
export async function startTeams(
  opts: { env?: Record<string, string>; deps?: Partial<Omit<TeamsDeps, 'app'>>; kbDir?: string } = {},
): Promise<TeamsHarness> {
  const app = await openTempApp({
    CYBERBRIEF_KB_DIR: opts.kbDir ?? FIXTURE_KB,
    CYBERBRIEF_TZ: 'Europe/Paris',
    ...(opts.env ?? { CYBERBRIEF_TEAMS_DEV: '1' }),
  });
  const logs: LogLine[] = [];
  const log = jsonLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
  const http = new HttpServer(log);
  let mount: TeamsMount | undefined;
  try {
    mount = mountTeams(http, { app: { ...app, log }, ...opts.deps });
  } catch (e) {
    await app.dispose();
    throw e;
  }
  const connector = await ConnectorStub.start();
  const port = await http.listen(0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  return {
    app,
    http,
    mount,
    connector,
    endpoint,
    logs,
    async post(activity, headers = {}) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      const json = (res.headers.get('content-type') ?? '').includes('json');
      return { status: res.status, body: text && json ? JSON.parse(text) : text || undefined };
    },
    async close() {
      await http.close(1000);
      await connector.close();
      await app.dispose();
    },
  };
}
