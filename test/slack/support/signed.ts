import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99aaee0385a5';

/** Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function signatureHeaders(
  body: string,
  secret = SIGNING_SECRET,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const sig = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${sig}` };
}

export interface SlashOptions {
  text: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  team?: string;
  channelName?: string;
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(o: SlashOptions): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: o.team ?? 'T0TEST',
    team_domain: 'example',
    channel_id: o.channel ?? 'C0GENERAL',
    channel_name: o.channelName ?? 'general',
    user_id: o.user ?? 'U0ALICE',
    user_name: 'alice',
    command: '/cyberbrief',
    text: o.text,
    api_app_id: 'A0CYBER',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: '1234.5678.abcd',
  }).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  ephemeral: boolean;
  user?: string;
  channel?: string;
  team?: string;
}

/** The form body Slack posts when a button in a message is clicked (`payload=<json>`). */
export function blockActionBody(o: ButtonClick): string {
  const payload = {
    type: 'block_actions',
    user: { id: o.user ?? 'U0ALICE', username: 'alice', team_id: o.team ?? 'T0TEST' },
    api_app_id: 'A0CYBER',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: o.channel ?? 'C0GENERAL',
      is_ephemeral: o.ephemeral,
    },
    trigger_id: '1234.5678.abcd',
    team: { id: o.team ?? 'T0TEST', domain: 'example' },
    channel: { id: o.channel ?? 'C0GENERAL', name: 'general' },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'brief_actions',
        value: o.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API callback. */
export function eventBody(event: Record<string, unknown>, team = 'T0TEST'): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A0CYBER',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: team, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false },
    ],
  });
}

/** Posts a body signed as Slack would (or with the headers given, to test refusals). */
export async function postToSlackEndpoint(
  url: string,
  body: string,
  opts: { json?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...(opts.headers ?? signatureHeaders(body)),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}
