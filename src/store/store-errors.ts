import { resolve } from 'node:path';
import { CyberbriefError } from '../errors';

/**
 * The store could not be used: unreachable, refusing the credentials, or damaged. The message
 * names the store by scheme, host, port and database only, so it can be printed and logged.
 */
export class StoreUnavailableError extends CyberbriefError {
  constructor(
    readonly store: string,
    readonly reason: string,
    /** True when retrying cannot help (wrong password, missing database, damaged file). */
    readonly permanent = false,
  ) {
    super('store', `store ${store} is unreachable (${reason})`);
    this.name = 'StoreUnavailableError';
  }

  /** The error a connection failure `e` on `store` becomes. */
  static from(store: string, e: unknown): StoreUnavailableError {
    if (e instanceof StoreUnavailableError) return e;
    if (isAuthError(e)) {
      const err = new StoreUnavailableError(store, 'password refused', true);
      err.message = `store ${store} refused the password: check the credentials in CYBERBRIEF_STORE`;
      return err;
    }
    const code = (e as { code?: unknown } | null)?.code;
    return new StoreUnavailableError(store, reasonOf(e), code === '3D000');
  }
}

/** A store whose bytes are not a readable database. */
export class StoreDamagedError extends StoreUnavailableError {
  constructor(store: string, reason: string) {
    super(store, reason, true);
    this.message = `store ${store} is damaged (${reason}): restore it from a backup, or move the file aside to start again from briefs/`;
    this.name = 'StoreDamagedError';
  }
}

/** `redis://host:port`, `postgresql://host:port/db` or `sqlite:///path`: never a user, password or query. */
export function storeLabel(url: string): string {
  if (/^sqlite:\/\//.test(url)) return `sqlite://${resolve(url.replace(/^sqlite:\/\//, '').replace(/\?.*$/, ''))}`;
  try {
    const u = new URL(url);
    const scheme = u.protocol.replace(/:$/, '');
    const port = u.port || (scheme.startsWith('redis') ? '6379' : '5432');
    const path = scheme.startsWith('redis') ? (u.pathname.length > 1 ? u.pathname : '') : u.pathname;
    return `${scheme}://${u.hostname}:${port}${path}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//').replace(/\?.*$/, '');
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection failures.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

/** SQLite's word that the file's bytes are not a database it can read. */
export function damageOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT') return 'SQLITE_CORRUPT: the database file is malformed';
  if (code === 'SQLITE_NOTADB') return 'SQLITE_NOTADB: the file is not a SQLite database';
  return undefined;
}

/** True when `e` says the server is not there (rather than that a request was wrong). */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (typeof err.code === 'string' && CONNECTION_CODES.has(err.code)) return true;
  const name = typeof err.name === 'string' ? err.name : '';
  if (/^(ClientOffline|ClientClosed|ConnectionTimeout|SocketClosedUnexpectedly|ReconnectStrategy)Error$/.test(name))
    return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|The client is (closed|offline)|Redis client is not connected|Socket closed unexpectedly|Connection timeout/i.test(
    message,
  );
}

/** True when the server answered but refused who we said we are. */
export function isAuthError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; originalError?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.originalError) return isAuthError(err.originalError);
  if (err.code === '28P01' || err.code === '28000') return true;
  return /WRONGPASS|NOAUTH|invalid username-password|AUTH .*without any password|password authentication failed/i.test(
    String(err.message ?? ''),
  );
}

/** A short reason for a message, without anything the server echoed back (it may quote the URL). */
export function reasonOf(e: unknown): string {
  // node-redis wraps the socket's error when its reconnect strategy gives up.
  const original = (e as { originalError?: unknown } | null)?.originalError;
  if (original) return reasonOf(original);
  const err = e as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (isAuthError(e)) return 'the password was refused: check it in CYBERBRIEF_STORE';
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (code === '3D000') return 'the database does not exist';
  if (code.startsWith('57P') || /Connection terminated/i.test(String(err?.message ?? '')))
    return 'the server closed the connection';
  const message = String(err?.message ?? e);
  if (/timeout/i.test(message)) return 'timed out';
  if (/offline|closed|not connected/i.test(message)) return 'not connected';
  // AggregateError (several addresses tried) keeps the first cause's code.
  const inner = (err as { errors?: unknown[] } | null)?.errors?.[0];
  if (inner) return reasonOf(inner);
  return message.replace(/[a-z]+:\/\/\S+/gi, '').slice(0, 120) || 'unknown error';
}
