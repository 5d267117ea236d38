import type { App } from '@slack/bolt';
import { parseCommandText } from '../command-text';
import { localeFor, type SlackContext } from '../slack-context';
import { strings } from '../strings';
import type { CommandCall } from './command-call';
import { help } from './help';
import { lang } from './lang';
import { latest } from './latest';
import { lookup } from './lookup';
import { subscribe } from './subscribe';
import { subscriptions } from './subscriptions';
import { unsubscribe } from './unsubscribe';

/**
 * `/cyberbrief`: acknowledged before anything else (Slack gives 3 seconds, and reading the
 * channel's language already touches the store), then answered through `respond`.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command('/cyberbrief', async ({ command, ack, respond, client }) => {
    await ack();
    let locale = ctx.defaults.locale;
    try {
      locale = await localeFor(ctx, command.channel_id);
      const call: CommandCall = { ctx, command, respond, client, locale };
      const req = parseCommandText(command.text ?? '');
      switch (req.kind) {
        case 'help':
          return await help(call);
        case 'latest':
          return await latest(call);
        case 'lang':
          return await lang(call, req.locale);
        case 'subscribe':
          return await subscribe(call, req.args);
        case 'unsubscribe':
          return await unsubscribe(call);
        case 'subscriptions':
          return await subscriptions(call);
        case 'lookup':
          return await lookup(call, req.query, req.public);
      }
    } catch (e) {
      ctx.log.error('slack.command_failed', { team: command.team_id, channel: command.channel_id, error: (e as Error).message });
      await respond({ response_type: 'ephemeral', text: strings(locale).fault }).catch(() => undefined);
    }
  });
}
