import { renderBrief } from '../render-brief';
import type { CommandCall } from './command-call';

/** `/cyberbrief <query> [public]`: the brief, shown to the caller with a "Post to channel" button, or posted. */
export async function lookup({ ctx, command, respond, locale }: CommandCall, query: string, isPublic: boolean): Promise<void> {
  const brief = ctx.briefing.brief(query, locale);
  const message = renderBrief(brief, { ephemeral: !isPublic, ...(isPublic ? { sharedBy: command.user_id } : {}) });
  ctx.log.info('slack.lookup', { team: command.team_id, status: brief.status, subject: brief.subject?.id, public: isPublic });
  await respond({ response_type: isPublic && brief.status === 'found' ? 'in_channel' : 'ephemeral', ...message });
}
