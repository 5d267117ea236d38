import { z } from 'zod';
import { parseEnv } from '../config';
import { checkCron } from '../time/cron';

/** Feed settings beyond the core ones (CYBERBRIEF_FEEDS, CYBERBRIEF_FETCH_ALLOW). */
export const FeedsConfig = z.object({
  /** When `serve` polls the followed feeds (node-cron expression, server time). Default: every 15 minutes. */
  CYBERBRIEF_FEEDS_CRON: z
    .string()
    .default('*/15 * * * *')
    .refine((v) => checkCron(v).ok, 'not a valid cron expression (e.g. */15 * * * *)'),
  /** Minimum gap between two requests to the same web server. */
  CYBERBRIEF_FETCH_HOST_GAP_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /**
   * How far back a newly followed feed's items are read (days). Items older than two weeks are read
   * as backfill: they reach lookups, never a digest. 0 turns backfill off.
   */
  CYBERBRIEF_FEEDS_BACKFILL_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  /** Backfill items read per feed and poll: a large back catalogue is read over several polls, politely. */
  CYBERBRIEF_FEEDS_BACKFILL_PER_POLL: z.coerce.number().int().min(1).max(500).default(25),
  /** Whole-request deadline, redirects and body included. */
  CYBERBRIEF_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
});
export type FeedsConfig = z.infer<typeof FeedsConfig>;

export function loadFeedsConfig(env: NodeJS.ProcessEnv): FeedsConfig {
  return parseEnv(FeedsConfig, env);
}
