import type { Locale } from '../../../src/domain/text';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

/**
 * `/cyberbrief lang en|fr`: the language of briefs in this channel. Anyone may set it (it changes
 * nothing but wording); the channel's digest follows only when the caller may manage digests.
 */
export async function lang(
  { ctx, command, respond, client, locale }: CommandCall,
  wanted: Locale | undefined,
): Promise<void> {
  if (!wanted) {
    await respond({ response_type: 'ephemeral', text: strings(locale).langUsage });
    return;
  }
  await ctx.locales.set(command.channel_id, wanted);
  const S = strings(wanted);
  let text = S.langSet;
  const sub = await ctx.subscriptions.findByChannel('slack', command.channel_id);
  if (sub && sub.locale !== wanted && (await ctx.permissions.canManage(client, command.user_id, command.team_id))) {
    await ctx.subscriptions.save({ ...sub, locale: wanted });
    text = `${text} ${S.langSetDigest}`;
  }
  ctx.log.info('slack.lang', { team: command.team_id, channel: command.channel_id, locale: wanted });
  await respond({ response_type: 'ephemeral', text });
}
