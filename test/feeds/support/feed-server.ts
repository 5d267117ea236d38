import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'feeds');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export interface Recorded {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * A small web server on 127.0.0.1 serving the feeds and pages the tests wrote, recording every
 * request it receives. Routes can be added per test; unknown paths answer 404.
 */
export class FeedServer {
  readonly requests: Recorded[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly sockets = new Set<import('node:net').Socket>();
  origin = '';

  async start(): Promise<this> {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Serves a fixed body with a content type (and optional extra headers). */
  serve(path: string, body: string | Buffer, type: string, headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    });
  }

  hits(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.requests.push({ path, headers: req.headers });
    res.on('error', () => undefined);
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    }
    route(req, res);
  }
}

/** A body that changes only when `version` does, with its ETag and Last-Modified, answering 304 when the client has it. */
export function conditional(body: () => { text: string; version: string; modified: Date }, type: string): Route {
  return (req, res) => {
    const { text, version, modified } = body();
    const etag = `"v-${version}"`;
    const lastModified = modified.toUTCString();
    if (
      req.headers['if-none-match'] === etag ||
      (req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === lastModified)
    ) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified });
    res.end(text);
  };
}

/** Streams `bytes` of filler in 64 KB chunks, honouring back-pressure: 50 MB is never held in memory. */
export function endless(bytes: number, declareLength: boolean, status = 200, onClose?: (sent: number) => void): Route {
  return (_req, res) => {
    res.writeHead(status, {
      'content-type': 'application/rss+xml',
      ...(declareLength ? { 'content-length': String(bytes) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      onClose?.(sent);
      sent = bytes;
    });
    pump();
  };
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

export function compressed(body: string, type: string, encoding: 'gzip' | 'br' | 'deflate' | 'deflate-raw'): Route {
  const raw = Buffer.from(body, 'utf8');
  const data =
    encoding === 'gzip'
      ? zlib.gzipSync(raw)
      : encoding === 'br'
        ? zlib.brotliCompressSync(raw)
        : encoding === 'deflate'
          ? zlib.deflateSync(raw)
          : zlib.deflateRawSync(raw);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-encoding': encoding === 'deflate-raw' ? 'deflate' : encoding });
    res.end(data);
  };
}
