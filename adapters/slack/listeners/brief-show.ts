import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, BriefView, decodeRef } from '../action-ids';
import { renderBrief } from '../render-brief';
import type { SlackContext } from '../slack-context';

/** "Timeline", "Sources", "Related" and "Summary": the same message, redrawn with that part in full. */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.showPattern, async ({ ack, action, body, respond }) => {
    await ack();
    const ref = decodeRef(action.value);
    const view = BriefView.safeParse(ACTION.showPattern.exec(action.action_id)?.[1]);
    if (!ref || !view.success) {
      ctx.log.warn('slack.action_rejected', { action: action.action_id });
      return;
    }
    try {
      const brief = ctx.briefing.briefForRef({ kind: ref.k, id: ref.id }, ref.l, ref.q);
      const ephemeral = body.container?.is_ephemeral === true;
      await respond({
        replace_original: true,
        ...renderBrief(brief, { view: view.data, ephemeral, ...(ref.by ? { sharedBy: ref.by } : {}) }),
      });
    } catch (e) {
      ctx.log.error('slack.action_failed', { action: action.action_id, error: (e as Error).message });
    }
  });
}
