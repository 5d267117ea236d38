import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../../src/log';

/**
 * What stands between the network and Bolt's HTTP receiver on /slack/events. Bolt buffers up to
 * 4 MB before it checks a signature, accepts timestamps from the future, and dies of a body that
 * is valid JSON but not an object (`null`, `payload=null`). Here, in that order: the timestamp
 * window (±5 minutes, Slack's own rule), the announced size, the body read under a cap, the
 * signature, and the body's shape; only then does Bolt see the request, already buffered.
 */
export const SLACK_BODY_LIMIT = 1024 * 1024;
/** Unsigned requests are only Slack's ssl_check, a few bytes long. */
const UNSIGNED_LIMIT = 1024;
const WINDOW_S = 300;

export interface GuardOptions {
  signingSecret: string;
  log: Logger;
  now?: () => number;
  limit?: number;
}

type Verdict = { ok: true; body: Buffer } | { ok: false; status: number; reason: string };

/** Wraps Bolt's request listener; `next` receives the request with its body already read (Bolt's `rawBody`). */
export function guardSlackRequest(
  opts: GuardOptions,
  next: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = opts.limit ?? SLACK_BODY_LIMIT;
  const now = opts.now ?? (() => Date.now());
  return async (req, res) => {
    const verdict = await check(req, opts.signingSecret, limit, now());
    if (!verdict.ok) {
      opts.log.warn('slack.request_refused', { status: verdict.status, reason: verdict.reason });
      // The rest of an oversized body is not read: the connection closes with the answer.
      res.writeHead(verdict.status, { 'content-type': 'text/plain', connection: 'close' }).end(verdict.reason);
      return;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = verdict.body;
    await next(req, res);
  };
}

async function check(req: IncomingMessage, secret: string, limit: number, nowMs: number): Promise<Verdict> {
  const signature = header(req, 'x-slack-signature');
  const stamp = header(req, 'x-slack-request-timestamp');
  const declared = Number(req.headers['content-length'] ?? NaN);
  const signed = signature !== undefined && stamp !== undefined;
  const cap = signed ? limit : UNSIGNED_LIMIT;
  if (signed) {
    const at = /^\d{1,12}$/.test(stamp) ? Number(stamp) : NaN;
    if (!Number.isFinite(at) || Math.abs(nowMs / 1000 - at) > WINDOW_S)
      return { ok: false, status: 401, reason: 'request timestamp outside the five-minute window' };
  }
  if (declared > cap)
    return signed
      ? { ok: false, status: 413, reason: 'request body too large' }
      : { ok: false, status: 401, reason: 'unsigned request' };
  const body = await readCapped(req, cap);
  if (body === undefined)
    return signed
      ? { ok: false, status: 413, reason: 'request body too large' }
      : { ok: false, status: 401, reason: 'unsigned request' };
  if (!signed) {
    // Slack's ssl_check is the one unsigned request it sends; Bolt answers it and reads nothing else of it.
    return isForm(req) && parseQuery(body.toString('utf8')).ssl_check === '1'
      ? { ok: true, body }
      : { ok: false, status: 401, reason: 'unsigned request' };
  }
  if (!validSignature(secret, stamp, body, signature))
    return { ok: false, status: 401, reason: 'invalid request signature' };
  const shape = bodyShape(req, body);
  return shape === undefined ? { ok: true, body } : { ok: false, status: 400, reason: shape };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isForm(req: IncomingMessage): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
}

/** The body, or undefined as soon as it passes `cap` (what was read is dropped, the rest never read). */
async function readCapped(req: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > cap) {
      req.pause();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function validSignature(secret: string, stamp: string, body: Buffer, signature: string): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${stamp}:`).update(body).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why the body is not one Bolt can read (an object, directly or as the `payload` field of a form), or undefined. */
function bodyShape(req: IncomingMessage, body: Buffer): string | undefined {
  const text = body.toString('utf8');
  let json: string;
  if (isForm(req)) {
    const form = parseQuery(text);
    if (form.payload === undefined) return undefined;
    if (typeof form.payload !== 'string') return 'more than one payload field';
    json = form.payload;
  } else {
    json = text;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'body is not valid JSON';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'body is not a JSON object';
}
