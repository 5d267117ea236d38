import type { App } from '@slack/bolt';
import { parseCommandText } from '../command-text';
import { localeFor, type SlackContext } from '../slack-context';
import { strings } from '../strings';
import type { CommandCall } from './command-call';
import { help } from './help';
import { lang } from './lang';
import { latest } from './latest';
import { lookup, safeLookupMessage } from './lookup';
import { sources } from './sources';
import { subscribe } from './subscribe';
import { subscriptions } from './subscriptions';
import { unsubscribe } from './unsubscribe';

/**
 * `/cyberbrief`. Slack gives 3 seconds to acknowledge, and nothing that waits on the store or on
 * Slack's API runs before the ack. A lookup in a channel whose language is already in memory is
 * answered inside the ack itself (the brief composes from memory in about a millisecond): the
 * reader sees it at once and no second request is needed. Everything else is acknowledged
 * empty first, then answered through `respond`.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command('/cyberbrief', async ({ command, ack, respond, client }) => {
    const req = parseCommandText(command.text ?? '');
    const known = req.kind === 'lookup' ? ctx.locales.peek(command.channel_id) : undefined;
    if (req.kind === 'lookup' && known) {
      await ack(safeLookupMessage(ctx, command, req.query, req.public, known));
      return;
    }
    await ack();
    let locale = ctx.defaults.locale;
    try {
      locale = await localeFor(ctx, command.channel_id);
      const call: CommandCall = { ctx, command, respond, client, locale };
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
        case 'sources':
          return await sources(call, req.args);
        case 'lookup':
          return await lookup(call, req.query, req.public);
      }
    } catch (e) {
      ctx.log.error('slack.command_failed', {
        team: command.team_id,
        channel: command.channel_id,
        error: (e as Error).message,
      });
      await respond({ response_type: 'ephemeral', text: strings(locale).fault }).catch(() => undefined);
    }
  });
}
