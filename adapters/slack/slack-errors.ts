import { webApi } from '@slack/bolt';

/**
 * Reading what the Web API client throws, by the SDK's own error classes. Slack answers HTTP 200
 * with `{ ok: false, error }` for most failures (WebAPIPlatformError, whose `data.error` is
 * Slack's code); rate limits are retried by the client itself and only surface here once its
 * retries are spent.
 */
export function platformError(e: unknown): string | undefined {
  return e instanceof webApi.WebAPIPlatformError ? e.data.error : undefined;
}

/**
 * The Retry-After values the client was given, newest last. When every retry met a 429 the SDK
 * throws a WebAPIRequestError that carries no typed wait; the client's `rate_limited` event does.
 */
export class RateLimitWatch {
  private last: { at: number; ms: number } | undefined;

  constructor(
    client: webApi.WebClient,
    private readonly now: () => number = Date.now,
  ) {
    client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => {
      this.last = { at: this.now(), ms: seconds * 1000 };
    });
  }

  /** Slack's last requested wait, if it came at or after `since`. */
  since(since: number): number | undefined {
    return this.last && this.last.at >= since ? this.last.ms : undefined;
  }
}

/** Milliseconds Slack asked us to wait, when the error is a rate limit. */
export function rateLimitWaitMs(e: unknown, watch?: RateLimitWatch, since = 0): number | undefined {
  if (e instanceof webApi.WebAPIRateLimitedError) return e.retryAfter * 1000;
  if (platformError(e) === 'ratelimited') return 60_000;
  if (e instanceof webApi.WebAPIRequestError) return watch?.since(since);
  return undefined;
}

/** The channel is gone or closed: retrying cannot help until someone acts. */
export const CHANNEL_GONE = new Set(['channel_not_found', 'is_archived', 'channel_is_archived']);

/** The app lost its right to post in that workspace (uninstalled, token revoked, workspace closed). */
export const ACCESS_LOST = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_access_not_granted',
  'no_permission',
  'restricted_action',
  'ekm_access_denied',
  'missing_scope',
]);
