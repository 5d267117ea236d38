import type { webApi } from '@slack/bolt';
import { platformError } from './slack-errors';

export type JoinOutcome = { joined: true } | { joined: false; reason: string };

/**
 * Joins a public channel (scope channels:join) so digests can be posted there. Private channels,
 * DMs and group DMs cannot be joined: a member has to invite the bot.
 */
export async function joinChannel(client: webApi.WebClient, channel: string, token?: string): Promise<JoinOutcome> {
  if (!channel.startsWith('C')) return { joined: false, reason: 'not a public channel' };
  try {
    await client.conversations.join({ channel, ...(token ? { token } : {}) });
    return { joined: true };
  } catch (e) {
    const code = platformError(e);
    if (code) return { joined: false, reason: code };
    throw e;
  }
}
