/**
 * Reading what the Web API client throws. Slack answers HTTP 200 with `{ ok: false, error }` for
 * most failures (WebAPIPlatformError); rate limits are retried by the client itself and only
 * surface here once its retries are spent.
 */
export function platformError(e: unknown): string | undefined {
  const err = e as { code?: string; data?: { error?: unknown } };
  return err?.code === 'slack_webapi_platform_error' && typeof err.data?.error === 'string'
    ? err.data.error
    : undefined;
}

/** Milliseconds Slack asked us to wait, when the error is a rate limit. */
export function rateLimitWaitMs(e: unknown): number | undefined {
  const err = e as { code?: string; retryAfter?: number; message?: string };
  if (err?.code === 'slack_webapi_rate_limited_error' && typeof err.retryAfter === 'number')
    return err.retryAfter * 1000;
  if (platformError(e) === 'ratelimited') return 60_000;
  // What WebClient throws when every retry met a 429 (the message carries the last Retry-After).
  const m = /rate limit was exceeded.*retry-after: (\d+)/i.exec(err?.message ?? '');
  return m ? Number(m[1]) * 1000 : undefined;
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
