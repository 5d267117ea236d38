import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, BriefView, decodeRef } from '../action-ids';
import { section } from '../blocks';
import { renderBrief } from '../render-brief';
import { strings } from '../strings';
import type { SlackContext } from '../slack-context';

/**
 * "Timeline", "Sources", "Related": that part in full, for the person who clicked only (an
 * ephemeral message). The message the channel shares is never rewritten.
 */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.showPattern, async ({ ack, action, respond }) => {
    await ack();
    const ref = decodeRef(action.value);
    const view = BriefView.safeParse(ACTION.showPattern.exec(action.action_id)?.[1]);
    if (!ref || !view.success) {
      ctx.log.warn('slack.action_rejected', { action: action.action_id });
      return;
    }
    try {
      const brief = ctx.briefing.briefForRef({ kind: ref.k, id: ref.id }, ref.l, ref.q);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderBrief(brief, { view: view.data, ephemeral: true }),
      });
    } catch (e) {
      ctx.log.error('slack.action_failed', { action: action.action_id, error: (e as Error).message });
    }
  });
  // A link button still sends an action; it only needs its acknowledgement.
  app.action(ACTION.full, async ({ ack }) => {
    await ack();
  });
  app.action<BlockAction<ButtonAction>>(ACTION.help, async ({ ack, respond, action }) => {
    await ack();
    const locale = /^fr/.test(action.value ?? '') ? 'fr' : 'en';
    const S = strings(locale);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: S.help.split('\n')[0]!,
      blocks: [section(S.help)],
    });
  });
}
