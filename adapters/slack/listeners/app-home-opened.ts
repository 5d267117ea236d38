import type { App } from '@slack/bolt';
import { renderHome } from '../render-home';
import type { SlackContext } from '../slack-context';

const LATEST_ON_HOME = 10;

export function register(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const team = (body as { team_id?: string }).team_id ?? '';
      const subs = await ctx.subscriptions.list({ platform: 'slack', ...(team ? { workspace: team } : {}) });
      const view = renderHome(subs, ctx.briefing.latest(ctx.defaults.locale, LATEST_ON_HOME), ctx.defaults.locale);
      await client.views.publish({ user_id: event.user, view });
    } catch (e) {
      ctx.log.error('slack.home_failed', { user: event.user, error: (e as Error).message });
    }
  });
}
