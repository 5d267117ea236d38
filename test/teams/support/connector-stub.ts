import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from './cards';

/** One request the bot sent to the Bot Connector. */
export interface Recorded {
  method: string;
  path: string;
  /** Decoded conversation id for /v3/conversations/{id}/... paths. */
  conversationId?: string;
  /** The activity id replied to, for /v3/conversations/{id}/activities/{replyToId}. */
  replyToId?: string;
  headers: IncomingMessage['headers'];
  body: Json;
}

export interface StubResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Plays the Bot Connector (Teams' side of the Bot Framework) on loopback: records what the bot
 * posts and answers as the service does. Tests queue answers (403, 429...) with `failNext`.
 */
export class ConnectorStub {
  readonly requests: Recorded[] = [];
  /** Members returned by GET /v3/conversations/{id}/members/{userId}. */
  readonly members = new Map<string, Record<string, unknown>>();
  /** Teams returned by GET /v3/teams/{teamId}. */
  readonly teams = new Map<string, Record<string, unknown>>();
  private readonly queued: { match: (r: Recorded) => boolean; response: StubResponse }[] = [];
  private readonly waiters: { pred: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private server!: Server;
  private counter = 0;
  url = '';

  static async start(): Promise<ConnectorStub> {
    const stub = new ConnectorStub();
    stub.server = createServer((req, res) => void stub.handle(req, res));
    await new Promise<void>((r) => stub.server.listen(0, '127.0.0.1', () => r()));
    stub.url = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/`;
    return stub;
  }

  /** The next request matching `match` (default: any request) gets `response` instead of success. */
  failNext(response: StubResponse, match: (r: Recorded) => boolean = () => true): void {
    this.queued.push({ match, response });
  }

  activities(): Recorded[] {
    return this.requests.filter((r) => r.method === 'POST' && /\/activities/.test(r.path));
  }

  /** Resolves with the first recorded request (past or future) matching `pred`. */
  waitFor(pred: (r: Recorded) => boolean, timeoutMs = 5000): Promise<Recorded> {
    const found = this.requests.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connector stub: expected request never came')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.queued.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const m = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/.exec(path);
    const rec: Recorded = {
      method: req.method ?? 'GET',
      path,
      conversationId: m?.[1] !== undefined ? decodeURIComponent(m[1]) : undefined,
      replyToId: m?.[2] !== undefined ? decodeURIComponent(m[2]) : undefined,
      headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined,
    };
    this.requests.push(rec);
    for (const w of [...this.waiters]) {
      if (w.pred(rec)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(rec);
      }
    }
    const q = this.queued.findIndex((x) => x.match(rec));
    if (q >= 0) {
      const { response } = this.queued.splice(q, 1)[0]!;
      return this.reply(
        res,
        response.status,
        response.body ?? { error: { code: 'Stubbed', message: `stubbed ${response.status}` } },
        response.headers,
      );
    }
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const found = this.members.get(decodeURIComponent(member[1]!));
      return found
        ? this.reply(res, 200, found)
        : this.reply(res, 404, { error: { code: 'MemberNotFound', message: 'no such member' } });
    }
    const team = /^\/v3\/teams\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && team) {
      const found = this.teams.get(decodeURIComponent(team[1]!));
      return found
        ? this.reply(res, 200, found)
        : this.reply(res, 404, { error: { code: 'NotFound', message: 'no such team' } });
    }
    if (req.method === 'POST' && /\/activities/.test(path))
      return this.reply(res, 201, { id: `posted-${++this.counter}` });
    this.reply(res, 404, { error: { code: 'NotFound', message: `stub does not serve ${req.method} ${path}` } });
  }

  private reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(json);
  }
}
