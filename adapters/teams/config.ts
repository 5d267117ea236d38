import { z } from 'zod';
import { parseEnv } from '../../src/config';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * The Teams section of the environment. The `Microsoft*` names are the Bot Framework's own, so a
 * bot registration's values paste in unchanged (and the Agents SDK reads the same ones).
 */
export const TeamsEnv = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === '' ? 'MultiTenant' : v.trim()))
      .pipe(
        z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          message: 'use MultiTenant, SingleTenant or UserAssignedMSI',
        }),
      ),
    MicrosoftAppTenantId: optionalText,
    CYBERBRIEF_TEAMS_DEV: bool,
    /** Comma-separated Entra object ids or user principal names allowed to (un)subscribe any channel. */
    CYBERBRIEF_TEAMS_ADMINS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/[,;\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter((s) => s !== ''),
      ),
  })
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppId === undefined) return;
    const need = (key: 'MicrosoftAppPassword' | 'MicrosoftAppTenantId', why: string) => {
      if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: why });
    };
    if (c.MicrosoftAppType === 'MultiTenant' || c.MicrosoftAppType === 'SingleTenant') {
      need(
        'MicrosoftAppPassword',
        `required with MicrosoftAppId (${c.MicrosoftAppType}): the client secret of the bot's app registration`,
      );
    }
    if (c.MicrosoftAppType === 'SingleTenant' || c.MicrosoftAppType === 'UserAssignedMSI') {
      need('MicrosoftAppTenantId', `required when MicrosoftAppType is ${c.MicrosoftAppType}`);
    }
    if (c.MicrosoftAppType === 'UserAssignedMSI' && c.MicrosoftAppPassword !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'must not be set with UserAssignedMSI (the managed identity has no secret)',
      });
    }
  });
export type TeamsEnv = z.infer<typeof TeamsEnv>;

/**
 * How the Teams endpoint runs: `auth` checks every request's Bot Framework token; `dev` accepts
 * unauthenticated requests (local tests only, announced at start); `off` mounts nothing.
 */
export type TeamsConfig =
  | {
      mode: 'auth';
      appId: string;
      appPassword?: string;
      appType: TeamsEnv['MicrosoftAppType'];
      tenantId?: string;
      admins: string[];
    }
  | { mode: 'dev'; admins: string[] }
  | { mode: 'off'; reason: string; admins: string[] };

export function loadTeamsConfig(env: NodeJS.ProcessEnv): TeamsConfig {
  const e = parseEnv(TeamsEnv, env);
  if (e.MicrosoftAppId !== undefined) {
    return {
      mode: 'auth',
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      admins: e.CYBERBRIEF_TEAMS_ADMINS,
    };
  }
  if (e.CYBERBRIEF_TEAMS_DEV) return { mode: 'dev', admins: e.CYBERBRIEF_TEAMS_ADMINS };
  return {
    mode: 'off',
    reason:
      'MicrosoftAppId is not set (set it from the bot registration, or CYBERBRIEF_TEAMS_DEV=1 for local development without authentication)',
    admins: e.CYBERBRIEF_TEAMS_ADMINS,
  };
}
