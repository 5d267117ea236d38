import { mentionUser } from '../escape';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

export async function unsubscribe({ ctx, command, respond, client, locale }: CommandCall): Promise<void> {
  const S = strings(locale);
  if (!(await ctx.permissions.canManage(client, command.user_id, command.team_id))) {
    await respond({ response_type: 'ephemeral', text: S.notAllowed });
    return;
  }
  const sub = await ctx.subscriptions.findByChannel('slack', command.channel_id);
  if (!sub) {
    await respond({ response_type: 'ephemeral', text: S.noSubscription });
    return;
  }
  await ctx.subscriptions.remove(sub.id);
  ctx.log.info('slack.unsubscribed', { team: command.team_id, channel: command.channel_id, subscription: sub.id });
  await respond({ response_type: 'in_channel', text: S.unsubscribed(mentionUser(command.user_id)) });
}
