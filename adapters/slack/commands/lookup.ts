import type { RespondArguments, SlashCommand } from '@slack/bolt';
import type { Locale } from '../../../src/domain/text';
import { renderBrief } from '../render-brief';
import type { SlackContext } from '../slack-context';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

/**
 * `/cyberbrief <query> [public]`: the brief, shown to the caller with a "Post to channel" button,
 * or posted in the channel. Not found and ambiguous answers stay private even when `public`.
 */
export function lookupMessage(
  ctx: SlackContext,
  command: SlashCommand,
  query: string,
  isPublic: boolean,
  locale: Locale,
): RespondArguments {
  if (!isPublic) {
    const { brief, message } = ctx.briefs.ephemeral(query, locale);
    ctx.log.info('slack.lookup', {
      team: command.team_id,
      status: brief.status,
      subject: brief.subject?.id,
      public: false,
    });
    return { response_type: 'ephemeral', ...message };
  }
  const brief = ctx.briefs.brief(query, locale);
  ctx.log.info('slack.lookup', {
    team: command.team_id,
    status: brief.status,
    subject: brief.subject?.id,
    public: true,
  });
  if (brief.status !== 'found') return { response_type: 'ephemeral', ...renderBrief(brief, { ephemeral: true }) };
  return { response_type: 'in_channel', ...renderBrief(brief, { ephemeral: false, sharedBy: command.user_id }) };
}

/** lookupMessage that never throws: a fault becomes a private apology and a log line. */
export function safeLookupMessage(
  ctx: SlackContext,
  command: SlashCommand,
  query: string,
  isPublic: boolean,
  locale: Locale,
): RespondArguments {
  try {
    return lookupMessage(ctx, command, query, isPublic, locale);
  } catch (e) {
    ctx.log.error('slack.command_failed', {
      team: command.team_id,
      channel: command.channel_id,
      error: (e as Error).message,
    });
    return { response_type: 'ephemeral', text: strings(locale).fault };
  }
}

export async function lookup(
  { ctx, command, respond, locale }: CommandCall,
  query: string,
  isPublic: boolean,
): Promise<void> {
  await respond(lookupMessage(ctx, command, query, isPublic, locale));
}
