/** First wait after a failed poll; it doubles with each failure in a row. */
export const BACKOFF_BASE_MS = 15 * 60_000;
/** A feed failing for days is still tried about once a day, and reported each time. */
export const BACKOFF_MAX_MS = 24 * 3600_000;

/**
 * When to try a failing feed again: 15 min, 30 min, 1 h, 2 h... capped at a day, never sooner
 * than the server asked (Retry-After), with up to 10% jitter so feeds that failed together
 * (one host down) do not all come back in the same second.
 */
export function nextAttempt(now: Date, failures: number, retryAfterMs = 0, random: () => number = Math.random): Date {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  const wait = Math.max(exp * (1 + 0.1 * random()), Math.min(retryAfterMs, BACKOFF_MAX_MS));
  return new Date(now.getTime() + Math.round(wait));
}
