import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServe, type Serving } from '../../adapters/server/start-serve';
import { openTempApp } from '../support/temp-app';

/** A stand-in for Slack's Web API: answers auth.test and records every call. */
async function fakeSlackApi(): Promise<{ server: Server; url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls };
}

describe('cyberbrief serve', () => {
  let serving: Serving;
  let api: Awaited<ReturnType<typeof fakeSlackApi>>;
  let base: string;
  const secret = '8f742231b10e8888abcd00000085a5';

  beforeAll(async () => {
    api = await fakeSlackApi();
    const app = await openTempApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: api.url,
      CYBERBRIEF_TEAMS_DEV: '1',
    });
    serving = await startServe(app, { port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${serving.port}`;
  });
  afterAll(async () => {
    await serving.stop();
    await new Promise((r) => api.server.close(r));
  });

  it('serves Slack and Teams on one port', () => {
    expect(serving.surfaces).toEqual(['slack (http)', 'teams (dev)']);
  });

  it('answers /healthz with 200 while the store answers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('acknowledges a correctly signed slash command and refuses a forged one', async () => {
    const body = new URLSearchParams({
      command: '/cyberbrief',
      text: 'wannacry',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      response_url: `${api.url}respond`,
      trigger_id: 't',
    }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    const ok = await fetch(`${base}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': sig,
      },
    });
    expect(ok.status).toBe(200);
    const forged = await fetch(`${base}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': 'v0=00',
      },
    });
    expect(forged.status).toBe(401);
  });

  it('routes Teams activities to /api/messages and says 404 for unknown paths', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });
});

describe('cyberbrief serve health', () => {
  it('answers 503 when the store no longer answers', async () => {
    const app = await openTempApp();
    const serving = await startServe(app, { port: 0, host: '127.0.0.1' });
    await app.kv.close();
    const res = await fetch(`http://127.0.0.1:${serving.port}/healthz`);
    expect(res.status).toBe(503);
    await serving.stop().catch(() => undefined);
  });
});
