import { z } from 'zod';
import { CyberbriefError } from './errors';
import { Locale } from './domain/text';
import { isTimeZone } from './time/time-zone';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Core settings. Adapters parse their own sections (Slack, Teams) in the composition root. */
export const CoreConfig = z.object({
  CYBERBRIEF_STORE: z
    .string()
    .min(1)
    .default('sqlite://./data/cyberbrief.sqlite')
    .refine(
      (url) => /^(sqlite|rediss?|postgres(ql)?):\/\//.test(url),
      'unsupported URL scheme (use sqlite://path, redis://host:port or postgresql://host/db)',
    ),
  /** Prefix for every key, when several deployments or test runs share one Redis or PostgreSQL. */
  CYBERBRIEF_STORE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .default(''),
  CYBERBRIEF_KB_DIR: z.string().optional(),
  CYBERBRIEF_LANG: Locale.default('en'),
  CYBERBRIEF_TZ: z.string().default('Europe/Brussels').refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Paris)'),
  CYBERBRIEF_FEEDS: z.enum(['starter', 'none']).default('starter'),
  CYBERBRIEF_FETCH_ALLOW: z.string().default(''),
  CYBERBRIEF_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(168).default(6),
  CYBERBRIEF_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CYBERBRIEF_RELOAD_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  NO_COLOR: bool,
});
export type CoreConfig = z.infer<typeof CoreConfig>;

/** A wrong variable; code `config`, exit 78. */
export class ConfigError extends CyberbriefError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ConfigError';
  }
}

/** Parses a section of the environment; a wrong variable fails naming it, never echoing a secret. */
export function parseEnv<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const r = schema.safeParse(env);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // One wrong variable is one line; several are listed together so they can be fixed at once.
  throw new ConfigError(
    lines.length === 1 ? `invalid configuration: ${lines[0]}` : `invalid configuration:\n  ${lines.join('\n  ')}`,
  );
}

export function loadCoreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  return parseEnv(CoreConfig, env);
}
