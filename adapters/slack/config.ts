import { z } from 'zod';
import { parseEnv } from '../../src/config';

const optional = (schema: z.ZodString) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    schema.optional(),
  );

/**
 * The Slack section of the environment. Two ways to install:
 * - one workspace (default): SLACK_BOT_TOKEN, plus SLACK_SIGNING_SECRET for HTTP or SLACK_APP_TOKEN for Socket Mode;
 * - several workspaces: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth at /slack/install),
 *   installations kept in CYBERBRIEF_STORE.
 * Messages name the variable and never echo its value.
 */
export const SlackConfig = z
  .object({
    SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'a bot token starts with xoxb- (OAuth & Permissions page)')),
    SLACK_SIGNING_SECRET: optional(
      z.string().regex(/^[0-9a-f]{8,}$/i, 'the signing secret is the hex string on the Basic Information page'),
    ),
    SLACK_APP_TOKEN: optional(
      z
        .string()
        .regex(
          /^xapp-/,
          'an app-level token starts with xapp- (Basic Information > App-Level Tokens, scope connections:write)',
        ),
    ),
    SLACK_API_URL: optional(z.string().url('must be a URL such as https://slack.com/api/')),
    SLACK_CLIENT_ID: optional(z.string().min(1)),
    SLACK_CLIENT_SECRET: optional(z.string().min(1)),
    SLACK_STATE_SECRET: optional(z.string().min(16, 'use at least 16 random characters')),
    SLACK_REDIRECT_URI: optional(z.string().url('must be the public URL of /slack/oauth_redirect')),
    /** Known bot ids skip the auth.test call Bolt makes at start (useful behind strict egress rules). */
    SLACK_BOT_ID: optional(z.string().regex(/^B[A-Z0-9]+$/, 'a bot id looks like B0123ABCD')),
    SLACK_BOT_USER_ID: optional(z.string().regex(/^[UW][A-Z0-9]+$/, 'a bot user id looks like U0123ABCD')),
    /** Slack user ids allowed to subscribe channels besides workspace admins; `*` lets everyone. */
    CYBERBRIEF_SLACK_ADMINS: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/[\s,]+/).filter((s) => s !== ''))
      .refine(
        (ids) => ids.every((id) => id === '*' || /^[UW][A-Z0-9]+$/.test(id)),
        'list Slack user ids (U0123ABCD), comma-separated, or *',
      ),
  })
  .superRefine((c, ctx) => {
    const oauth = c.SLACK_CLIENT_ID !== undefined || c.SLACK_CLIENT_SECRET !== undefined;
    if (c.SLACK_BOT_TOKEN && oauth) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_CLIENT_ID'],
        message: 'set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (OAuth), not both',
      });
    }
    if (oauth) {
      for (const key of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required for multi-workspace OAuth' });
      }
    }
    if ((c.SLACK_BOT_TOKEN || oauth) && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN && !oauth) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'required with SLACK_APP_TOKEN (the bot token of the same app)',
      });
    }
  });
export type SlackConfig = z.infer<typeof SlackConfig>;

export type SlackMode = 'socket' | 'http';

export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  return parseEnv(SlackConfig, env);
}

/** Slack is served when a bot token or OAuth credentials are configured. */
export function slackEnabled(c: SlackConfig): boolean {
  return c.SLACK_BOT_TOKEN !== undefined || c.SLACK_CLIENT_ID !== undefined;
}

export function slackMode(c: SlackConfig): SlackMode {
  return c.SLACK_APP_TOKEN ? 'socket' : 'http';
}

export function usesOAuth(c: SlackConfig): boolean {
  return c.SLACK_CLIENT_ID !== undefined;
}

/** The Web API base with the trailing slash WebClient needs (`https://slack.com/api/` by default). */
export function slackApiUrl(c: SlackConfig): string | undefined {
  if (!c.SLACK_API_URL) return undefined;
  return c.SLACK_API_URL.endsWith('/') ? c.SLACK_API_URL : `${c.SLACK_API_URL}/`;
}
