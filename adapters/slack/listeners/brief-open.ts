import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, decodeRef } from '../action-ids';
import { renderBrief } from '../render-brief';
import type { SlackContext } from '../slack-context';

/** A candidate ("did you mean") or related-incident button: that brief, in place of the message. */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.openPattern, async ({ ack, action, body, respond }) => {
    await ack();
    const ref = decodeRef(action.value);
    if (!ref) {
      ctx.log.warn('slack.action_rejected', { action: action.action_id });
      return;
    }
    try {
      const brief = ctx.briefing.briefForRef({ kind: ref.k, id: ref.id }, ref.l, ref.q);
      const ephemeral = body.container?.is_ephemeral === true;
      await respond({
        replace_original: true,
        ...renderBrief(brief, { ephemeral, ...(ephemeral ? {} : { sharedBy: body.user.id }) }),
      });
    } catch (e) {
      ctx.log.error('slack.action_failed', { action: action.action_id, error: (e as Error).message });
    }
  });
}
