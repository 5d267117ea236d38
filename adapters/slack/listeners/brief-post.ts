import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, BriefView, decodeRef } from '../action-ids';
import { renderBrief } from '../render-brief';
import type { SlackContext } from '../slack-context';

/**
 * "Post to channel" on an ephemeral brief: the same brief posted for everyone (through the
 * response URL, so it works even where the bot is not a member), credited to whoever clicked,
 * then the ephemeral copy is removed.
 */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.post, async ({ ack, action, body, respond }) => {
    await ack();
    const ref = decodeRef(action.value);
    if (!ref) {
      ctx.log.warn('slack.action_rejected', { action: action.action_id });
      return;
    }
    try {
      const view = BriefView.safeParse((JSON.parse(action.value ?? '{}') as { v?: unknown }).v);
      const brief = ctx.briefing.briefForRef({ kind: ref.k, id: ref.id }, ref.l, ref.q);
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        ...renderBrief(brief, { view: view.success ? view.data : 'summary', ephemeral: false, sharedBy: body.user.id }),
      });
      await respond({ delete_original: true });
      ctx.log.info('slack.brief_posted', { team: body.team?.id, channel: body.channel?.id, subject: ref.id });
    } catch (e) {
      ctx.log.error('slack.action_failed', { action: action.action_id, error: (e as Error).message });
    }
  });
}
