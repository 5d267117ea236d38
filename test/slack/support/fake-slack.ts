import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API call (`api` set) or a post to a response URL (`responseId` set). */
export interface Recorded {
  seq: number;
  /** performance-free receive time (Date.now), used only for lower bounds such as Retry-After waits. */
  at: number;
  path: string;
  api?: string;
  responseId?: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * Stands in for slack.com on loopback: records every Web API call and response_url post the app
 * makes, answers like Slack does (HTTP 200 with `{ ok }`), and replays scripted answers for a
 * method (`ratelimited` 429 with Retry-After, `not_in_channel`, `channel_not_found`...).
 */
export class FakeSlack {
  readonly calls: Recorded[] = [];
  /** users.info says is_admin for these ids. */
  readonly admins = new Set<string>();
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private held: (() => void)[] | undefined;
  private seq = 0;
  private ts = 1_700_000_000;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const fake = new FakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next calls of `method` get these answers, in order; later calls get the default. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /** Holds response_url posts unanswered until `release()`, to see what the app does meanwhile. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const go of held) go();
  }

  api(method: string): Recorded[] {
    return this.calls.filter((c) => c.api === method);
  }

  responses(id?: string): Recorded[] {
    return this.calls.filter((c) => c.responseId !== undefined && (id === undefined || c.responseId === id));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: Recorded) => boolean): Promise<Recorded> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Resolves once `n` requests match. */
  async waitForCount(match: (r: Recorded) => boolean, n: number): Promise<Recorded[]> {
    for (;;) {
      const all = this.calls.filter(match);
      if (all.length >= n) return all;
      await new Promise<Recorded>((resolve) => this.waiters.push({ match, resolve }));
    }
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    const api = /^\/api\/(.+)$/.exec(path)?.[1];
    const responseId = /^\/response\/(.+)$/.exec(path)?.[1];
    const rec: Recorded = {
      seq: ++this.seq,
      at: Date.now(),
      path,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
      ...(api ? { api } : {}),
      ...(responseId ? { responseId } : {}),
    };
    this.calls.push(rec);
    for (const w of [...this.waiters]) {
      if (w.match(rec)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(rec);
      }
    }
    if (responseId !== undefined) {
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if (this.held) this.held.push(answer);
      else answer();
      return;
    }
    const scripted = api ? this.scripts.get(api)?.shift() : undefined;
    if (scripted) {
      res
        .writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers })
        .end(JSON.stringify(scripted.body ?? { ok: true }));
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(this.defaultAnswer(api ?? '', rec.body)));
  }

  private defaultAnswer(api: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (api) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'cyberbrief',
          team_id: 'T0TEST',
          user_id: 'UBOT0001',
          bot_id: 'BBOT0001',
        };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${++this.ts}.000100`, message: { text: body.text } };
      case 'conversations.join':
        return { ok: true, channel: { id: body.channel } };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, is_admin: this.admins.has(id), is_owner: false, is_primary_owner: false } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0001' } };
      default:
        return { ok: true };
    }
  }
}

/** Web API calls are form-encoded with JSON-encoded objects (blocks); response_url posts are JSON. */
function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}
