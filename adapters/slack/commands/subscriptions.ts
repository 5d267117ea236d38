import { header, section } from '../blocks';
import { describeSubscription } from '../describe-subscription';
import { mentionChannel } from '../escape';
import { packLines, LIMITS } from '../limits';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

/** `/cyberbrief subscriptions`: every digest of this workspace, paused ones with their reason. */
export async function subscriptions({ ctx, command, respond, locale }: CommandCall): Promise<void> {
  const S = strings(locale);
  const subs = await ctx.subscriptions.list({ platform: 'slack', workspace: command.team_id });
  if (subs.length === 0) {
    await respond({ response_type: 'ephemeral', text: S.noSubscriptions });
    return;
  }
  const lines = subs.map((s) => `• ${mentionChannel(s.channel)} · ${describeSubscription(s, locale)}`);
  const sections = packLines(lines, LIMITS.sectionText)
    .slice(0, LIMITS.messageBlocks - 1)
    .map((t) => section(t));
  await respond({
    response_type: 'ephemeral',
    text: S.subscriptionsTitle,
    blocks: [header(S.subscriptionsTitle), ...sections],
  });
}
