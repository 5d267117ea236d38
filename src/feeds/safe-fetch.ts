import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { type AddressPolicy, isIpLiteral, stripBrackets } from './address-policy';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface FetchRequest {
  /** Validators from the previous answer: a server that still has the same version answers 304. */
  etag?: string;
  lastModified?: string;
  accept?: string;
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | ({ kind: 'ok'; url: string; status: number; body: Buffer; contentType: string; redirects: number } & Validators)
  | ({ kind: 'not_modified'; url: string } & Validators)
  /** Cyberbrief chose not to fetch: scheme, address or size. */
  | { kind: 'refused'; url: string; reason: string }
  /** The server or network did not deliver. `retryAfterMs` when the server asked for a pause. */
  | { kind: 'failed'; url: string; reason: string; status?: number; retryAfterMs?: number };

export interface FetcherOptions {
  policy: AddressPolicy;
  userAgent: string;
  /** Whole-fetch deadline, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** DNS resolution; tests replace it to make a public-looking name resolve to a private address. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchOutcome>;
  close(): void;
}

const REFUSED = 'ECYBERBRIEF_REFUSED';
const TOO_LARGE = 'ECYBERBRIEF_TOO_LARGE';
const TIMEOUT = 'ECYBERBRIEF_TIMEOUT';

class FetchFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const defaultResolve = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

const decompressors: Record<string, (buf: Buffer, opts: zlib.ZlibOptions & zlib.BrotliOptions) => Promise<Buffer>> = {
  gzip: promisify<Buffer, zlib.ZlibOptions, Buffer>(zlib.gunzip),
  'x-gzip': promisify<Buffer, zlib.ZlibOptions, Buffer>(zlib.gunzip),
  br: promisify<Buffer, zlib.BrotliOptions, Buffer>(zlib.brotliDecompress),
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the header tells.
  deflate: (buf, opts) =>
    isZlibHeader(buf)
      ? promisify<Buffer, zlib.ZlibOptions, Buffer>(zlib.inflate)(buf, opts)
      : promisify<Buffer, zlib.ZlibOptions, Buffer>(zlib.inflateRaw)(buf, opts),
};

function isZlibHeader(buf: Buffer): boolean {
  return buf.length >= 2 && (buf[0]! & 0x0f) === 8 && ((buf[0]! << 8) | buf[1]!) % 31 === 0;
}

/**
 * Fetches over plain node http/https so that the address check happens inside the connection's
 * own DNS lookup: the address that was checked is the one connected to, with no window for a
 * second resolution to answer differently. Every redirect hop is checked again.
 */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const maxRedirects = opts.maxRedirects ?? 5;
  const resolve = opts.resolve ?? defaultResolve;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };

  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const candidates = addresses.filter((a) => family === undefined || a.family === family);
        const allowed = candidates.filter((a) => opts.policy.refusal(a.address, hostname) === undefined);
        if (allowed.length === 0) {
          const why = candidates[0] ? opts.policy.refusal(candidates[0].address, hostname) : 'no address';
          callback(Object.assign(new Error(`${hostname} resolves to ${why}`), { code: REFUSED }), '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };

  async function fetchUrl(start: string, req: FetchRequest = {}): Promise<FetchOutcome> {
    const deadline = Date.now() + timeoutMs;
    const visited = new Set<string>();
    let current = start;
    for (let hop = 0; ; hop += 1) {
      let url: URL;
      try {
        url = new URL(current);
      } catch {
        return { kind: 'refused', url: current, reason: 'not a valid URL' };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { kind: 'refused', url: current, reason: `scheme ${url.protocol} is not http or https` };
      if (isIpLiteral(url.hostname)) {
        const why = opts.policy.refusal(stripBrackets(url.hostname), url.hostname);
        if (why) return { kind: 'refused', url: current, reason: why };
      }
      visited.add(url.href);
      let res: Hop;
      try {
        res = await requestOnce(url, hop === 0 ? req : { accept: req.accept }, deadline);
      } catch (e) {
        const f = e as FetchFault & NodeJS.ErrnoException;
        if (f.code === REFUSED || f.code === TOO_LARGE) return { kind: 'refused', url: url.href, reason: f.message };
        if (f.code === TIMEOUT) return { kind: 'failed', url: url.href, reason: f.message };
        return { kind: 'failed', url: url.href, reason: networkReason(f) };
      }
      if (res.kind === 'redirect') {
        let next: URL;
        try {
          next = new URL(res.location, url);
        } catch {
          return { kind: 'failed', url: url.href, reason: `redirect to an invalid URL` };
        }
        if (visited.has(next.href))
          return { kind: 'failed', url: url.href, reason: `redirect loop back to ${next.href}` };
        if (hop + 1 > maxRedirects)
          return { kind: 'failed', url: url.href, reason: `more than ${maxRedirects} redirects` };
        current = next.href;
        continue;
      }
      if (res.kind === 'not_modified')
        return { kind: 'not_modified', url: url.href, etag: res.etag, lastModified: res.lastModified };
      if (res.kind === 'error')
        return {
          kind: 'failed',
          url: url.href,
          reason: `HTTP ${res.status}`,
          status: res.status,
          retryAfterMs: res.retryAfterMs,
        };
      return {
        kind: 'ok',
        url: url.href,
        status: res.status,
        body: res.body,
        contentType: res.contentType,
        etag: res.etag,
        lastModified: res.lastModified,
        redirects: hop,
      };
    }
  }

  type Hop =
    | { kind: 'redirect'; location: string }
    | ({ kind: 'not_modified' } & Validators)
    | { kind: 'error'; status: number; retryAfterMs?: number }
    | ({ kind: 'body'; status: number; body: Buffer; contentType: string } & Validators);

  function requestOnce(url: URL, req: FetchRequest, deadline: number): Promise<Hop> {
    return new Promise<Hop>((resolvePromise, reject) => {
      const left = deadline - Date.now();
      if (left <= 0) return reject(new FetchFault(TIMEOUT, `timed out after ${timeoutMs} ms`));
      const headers: Record<string, string> = {
        'user-agent': opts.userAgent,
        accept: req.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const mod = url.protocol === 'https:' ? https : http;
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        reject(err);
      };
      const done = (hop: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolvePromise(hop);
      };
      const request = mod.request(
        url,
        { method: 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], lookup },
        (res) => {
          const status = res.statusCode ?? 0;
          const header = (name: string): string | undefined => {
            const v = res.headers[name];
            return Array.isArray(v) ? v[0] : v;
          };
          const validators: Validators = { etag: header('etag'), lastModified: header('last-modified') };
          // Bodies of redirects and errors are never read: the socket is dropped instead, so a
          // huge error page costs nothing.
          if ([301, 302, 303, 307, 308].includes(status)) {
            res.destroy();
            const location = header('location');
            if (!location) return done({ kind: 'error', status });
            return done({ kind: 'redirect', location });
          }
          if (status === 304) {
            res.resume();
            return done({ kind: 'not_modified', ...validators });
          }
          if (status < 200 || status >= 300) {
            res.destroy();
            return done({ kind: 'error', status, retryAfterMs: retryAfter(header('retry-after')) });
          }
          const declared = Number(header('content-length'));
          if (Number.isFinite(declared) && declared > maxBytes) {
            return fail(new FetchFault(TOO_LARGE, `body of ${declared} bytes exceeds the ${maxBytes}-byte cap`));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // Stops reading the moment the cap is passed: a huge body is never held in memory.
            if (size > maxBytes) return fail(new FetchFault(TOO_LARGE, `body exceeds the ${maxBytes}-byte cap`));
            chunks.push(chunk);
          });
          res.on('error', fail);
          res.on('end', () => {
            if (settled) return;
            const raw = Buffer.concat(chunks, size);
            const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase();
            const contentType = header('content-type') ?? '';
            if (encoding === 'identity' || encoding === '')
              return done({ kind: 'body', status, body: raw, contentType, ...validators });
            const decompress = decompressors[encoding];
            if (!decompress) return fail(new FetchFault('EENCODING', `unsupported content-encoding ${encoding}`));
            decompress(raw, { maxOutputLength: maxBytes }).then(
              (body) => done({ kind: 'body', status, body, contentType, ...validators }),
              (e: NodeJS.ErrnoException) =>
                fail(
                  e.code === 'ERR_BUFFER_TOO_LARGE'
                    ? new FetchFault(TOO_LARGE, `decompressed body exceeds the ${maxBytes}-byte cap`)
                    : new FetchFault('EENCODING', `cannot decompress ${encoding} body: ${e.message}`),
                ),
            );
          });
        },
      );
      const timer = setTimeout(() => fail(new FetchFault(TIMEOUT, `timed out after ${timeoutMs} ms`)), left);
      request.on('error', fail);
      request.end();
    });
  }

  return {
    fetch: fetchUrl,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function networkReason(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `host not found (${e.code})`;
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ECONNRESET') return 'connection reset';
  if (e.code && /^ERR_TLS|CERT|SSL/.test(e.code)) return `TLS error (${e.code})`;
  return e.code ? `${e.code}: ${e.message}` : e.message;
}

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
