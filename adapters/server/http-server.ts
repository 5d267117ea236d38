import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/log';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * One HTTP port for every surface (`/slack/events`, `/api/messages`, `/healthz`). Plain node:http:
 * each platform SDK brings its own request handling, this only routes and drains on shutdown.
 */
export class HttpServer {
  readonly server: Server;
  private readonly routes = new Map<string, Handler>();
  private readonly prefixes: { method: string; prefix: string; handler: Handler }[] = [];
  private inflight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly log: Logger) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    // Slack and Bot Framework keep connections alive; a lingering socket must not hold shutdown.
    this.server.keepAliveTimeout = 5_000;
  }

  route(method: string, path: string, handler: Handler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Every path under `prefix` (e.g. `/briefs/`), for pages addressed by a name. */
  routePrefix(method: string, prefix: string, handler: Handler): void {
    this.prefixes.push({ method: method.toUpperCase(), prefix, handler });
  }

  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops accepting connections and waits (up to `graceMs`) for requests in flight. */
  async close(graceMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inflight > 0) {
      await Promise.race([
        new Promise<void>((r) => (this.drained = r)),
        new Promise((r) => setTimeout(r, graceMs).unref()),
      ]);
    }
    this.server.closeAllConnections();
    await closed;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const handler =
      this.routes.get(`${method} ${path}`) ??
      this.prefixes.find((p) => p.method === method && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      res
        .writeHead(this.pathKnown(path) ? 405 : 404, { 'content-type': 'text/plain' })
        .end(this.pathKnown(path) ? 'method not allowed' : 'not found');
      return;
    }
    this.inflight++;
    try {
      await handler(req, res);
    } catch (e) {
      this.log.error('http.handler_failed', { path, error: (e as Error).message });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      if (!res.writableEnded) res.end('internal error');
    } finally {
      this.inflight--;
      if (this.inflight === 0) this.drained?.();
    }
  }

  private pathKnown(path: string): boolean {
    for (const key of this.routes.keys()) if (key.endsWith(` ${path}`)) return true;
    return this.prefixes.some((p) => path.startsWith(p.prefix));
  }
}

/** Reads a request body with a size cap (platform payloads are small; anything huge is refused). */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
