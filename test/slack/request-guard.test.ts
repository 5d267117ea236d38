import net from 'node:net';
import { type Harness, startHarness } from './support/harness';
import { postToSlackEndpoint, signatureHeaders, slashCommandBody } from './support/signed';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const still = async () => {
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({ text: 'help', responseUrl: h.fake.responseUrl('alive') }),
  );
  expect(res.status).toBe(200);
};

/** Sends only the head of a request (and optionally some body) on a raw socket; resolves with the status line, or 'none' after `waitMs`. */
function rawHead(
  head: Record<string, string>,
  opts: { body?: Buffer; streamBytes?: number; waitMs?: number } = {},
): Promise<{ status: string; sent: number }> {
  const url = new URL(h.eventsUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = (status: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, sent });
    };
    const timer = setTimeout(() => finish('none'), opts.waitMs ?? 3000);
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      const line = answer.split('\r\n')[0];
      if (line && answer.includes('\r\n')) finish(line.split(' ')[1] ?? '?');
    });
    socket.on('error', () => finish(answer.split(' ')[1] ?? 'reset'));
    socket.on('connect', () => {
      const lines = [
        `POST ${url.pathname} HTTP/1.1`,
        `Host: ${url.host}`,
        ...Object.entries(head).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (opts.body) socket.write(opts.body);
      if (opts.streamBytes) {
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!done && sent < opts.streamBytes!) {
            sent += chunk.length;
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void socket.once('drain', pump);
          }
        };
        pump();
      }
    });
  });
}

describe('bodies Bolt must never see', () => {
  it.each([
    ['JSON null', 'null', true],
    ['a JSON array', '[]', true],
    ['a JSON string', '"event"', true],
    ['a JSON number', '42', true],
    ['not JSON', '{"type":', true],
    ['payload=null', 'payload=null', false],
    ['payload=[1]', 'payload=%5B1%5D', false],
    ['payload that is not JSON', 'payload=%7B', false],
  ])('a signed %s: 400, and the server keeps serving', async (_label, body, json) => {
    const res = await postToSlackEndpoint(h.eventsUrl, body, { json });
    expect(res.status).toBe(400);
    await still();
  });
});

describe('signature window and body size', () => {
  const body = () => slashCommandBody({ text: 'wannacry', responseUrl: h.fake.responseUrl('never') });

  it('refuses a request dated more than five minutes ahead or behind', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const at of [now + 301, now + 3600, now - 301]) {
      const res = await postToSlackEndpoint(h.eventsUrl, body(), { headers: signatureHeaders(body(), undefined, at) });
      expect(res.status).toBe(401);
    }
    // Clocks drift a little: a minute ahead is still Slack.
    const ok = slashCommandBody({ text: 'help', responseUrl: h.fake.responseUrl('near') });
    const near = await postToSlackEndpoint(h.eventsUrl, ok, { headers: signatureHeaders(ok, undefined, now + 60) });
    expect(near.status).toBe(200);
    await still();
    expect(h.fake.responses('never')).toHaveLength(0);
  });

  it('answers an announced 4 MB body at once, without waiting for it: 401 unsigned, 413 signed', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(4 * 1024 * 1024) };
    expect((await rawHead(form)).status).toBe('401');
    const signed = { ...form, ...signatureHeaders('x') };
    expect((await rawHead(signed)).status).toBe('413');
  });

  it('stops reading a streamed body past the cap', async () => {
    const head = { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' };
    const unsigned = await rawHead(head, { streamBytes: 8 * 1024 * 1024, waitMs: 10_000 });
    expect(unsigned.status).toBe('401');
    const signed = await rawHead(
      { ...head, ...signatureHeaders('x') },
      { streamBytes: 8 * 1024 * 1024, waitMs: 10_000 },
    );
    expect(signed.status).toBe('413');
    expect(signed.sent).toBeLessThan(8 * 1024 * 1024);
    await still();
  });
});
