import type { AddressInfo } from 'node:net';
import WebSocket, { Server as WebSocketServer } from 'ws';
import { type Harness, startHarness } from './support/harness';
import { postToSlackEndpoint, slashCommandBody } from './support/signed';

/**
 * Socket Mode against a local WebSocket server standing in for Slack's: apps.connections.open
 * (answered by the fake Web API) hands out its URL, the server says hello, then pushes a
 * slash-command envelope and waits for the app's acknowledgement on the socket.
 */
let h: Harness;
let wss: WebSocketServer;
const sockets: WebSocket[] = [];
const received: { envelope_id: string; payload?: unknown }[] = [];
const waiting: ((m: { envelope_id: string }) => void)[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { envelope_id: string };
      received.push(m);
      for (const w of waiting.splice(0)) w(m);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0CYBER' } }));
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  h = await startHarness(
    { SLACK_APP_TOKEN: 'xapp-1-A0CYBER-test', SLACK_SIGNING_SECRET: '' },
    { prepare: (fake) => fake.script('apps.connections.open', { body: { ok: true, url } }) },
  );
});
afterAll(async () => {
  await h.close();
  for (const s of sockets) s.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
});

function ackFor(envelopeId: string): Promise<{ envelope_id: string }> {
  const seen = received.find((m) => m.envelope_id === envelopeId);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const check = (m: { envelope_id: string }) => (m.envelope_id === envelopeId ? resolve(m) : waiting.push(check));
    waiting.push(check);
  });
}

test('the app opens the socket with its app-level token', () => {
  const open = h.fake.api('apps.connections.open');
  expect(open).toHaveLength(1);
  expect(open[0]!.headers.authorization).toBe('Bearer xapp-1-A0CYBER-test');
  expect(h.runtime.mode).toBe('socket');
});

test('a slash command over the socket is acknowledged on the socket, then answered through its response URL', async () => {
  h.fake.hold();
  const command = Object.fromEntries(
    new URLSearchParams(slashCommandBody({ text: 'wannacry', responseUrl: h.fake.responseUrl('sock1') })),
  );
  sockets[0]!.send(
    JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', payload: command, accepts_response_payload: true }),
  );
  const [ack, answer] = await Promise.all([ackFor('env-1'), h.fake.waitFor((r) => r.responseId === 'sock1')]);
  h.fake.release();
  expect(ack.envelope_id).toBe('env-1');
  expect(answer.body.response_type).toBe('ephemeral');
  expect((answer.body.blocks as { type: string; text: { text: string } }[])[0]!.text.text).toBe(
    h.app.briefing.brief('wannacry', 'en').title,
  );
});

test('no /slack/events route is served in Socket Mode (no public URL needed)', async () => {
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({ text: 'wannacry', responseUrl: h.fake.responseUrl('none') }),
  );
  expect(res.status).toBe(404);
});
