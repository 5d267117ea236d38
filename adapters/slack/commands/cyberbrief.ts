import type { App, RespondArguments, SlashCommand, webApi } from '@slack/bolt';
import type { ChatRequest } from '../../../src/chat/chat-request';
import type { Caller } from '../../../src/chat/chat-service';
import { parseCommand } from '../../../src/chat/parse-command';
import type { Locale } from '../../../src/domain/text';
import { joinChannel } from '../join-channel';
import { lookupReply, outcomeReply } from '../chat-replies';
import { localeFor, type SlackContext } from '../slack-context';
import { strings } from '../strings';

/**
 * `/cyberbrief`: Slack's request becomes a ChatRequest and a Caller, src/chat answers, and the
 * outcome is drawn in Block Kit. Slack gives 3 seconds to acknowledge, and nothing that waits on
 * the store or on Slack's API runs before the ack. A lookup in a channel whose language is
 * already in memory is answered inside the ack itself (the brief composes from memory in about
 * a millisecond). Everything else is acknowledged empty first, then answered through `respond`.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command('/cyberbrief', async ({ command, ack, respond, client }) => {
    const req = slackRequest(parseCommand(command.text ?? ''));
    const known = req.kind === 'lookup' ? ctx.locales.peek(command.channel_id) : undefined;
    if (req.kind === 'lookup' && known) {
      await ack(safeLookup(ctx, command, req, callerFor(ctx, command, client, known)));
      return;
    }
    await ack();
    let locale = ctx.defaults.locale;
    try {
      locale = await localeFor(ctx, command.channel_id);
      const caller = callerFor(ctx, command, client, locale);
      if (req.kind === 'lookup') {
        await respond(lookupReply(ctx, command, req, caller));
        return;
      }
      const outcome = await ctx.chat.run(req, caller);
      await respond(outcomeReply(outcome, command, locale));
      if (outcome.kind === 'subscribed') {
        // Digests need the bot in the channel; a private channel needs an invitation, which only people can send.
        const join = await joinChannel(client, command.channel_id).catch((e: unknown) => ({
          joined: false as const,
          reason: (e as Error).message,
        }));
        if (!join.joined) await respond({ response_type: 'ephemeral', text: strings(locale).inviteBot });
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

export function callerFor(ctx: SlackContext, command: SlashCommand, client: webApi.WebClient, locale: Locale): Caller {
  const mayManage = () => ctx.permissions.canManage(client, command.user_id, command.team_id);
  return {
    platform: 'slack',
    channel: command.channel_id,
    workspace: command.team_id,
    user: command.user_id,
    locale,
    timezone: ctx.defaults.timezone,
    mayManageDigest: mayManage,
    mayManageFeeds: mayManage,
  };
}

/** Slack sends a pasted link as `<url>` or `<url|label>`, with `&` as `&amp;`: feeds want the URL itself. */
function slackRequest(req: ChatRequest): ChatRequest {
  return req.kind === 'sources' ? { ...req, words: req.words.map(slackUrl) } : req;
}

function slackUrl(word: string): string {
  const m = /^<(https?:[^|>]+)(?:\|[^>]*)?>$/i.exec(word);
  return (m ? m[1]! : word).replace(/&amp;/g, '&');
}

/** A lookup answered inside the ack never throws: a fault becomes a private apology and a log line. */
function safeLookup(
  ctx: SlackContext,
  command: SlashCommand,
  req: Extract<ChatRequest, { kind: 'lookup' }>,
  caller: Caller,
): RespondArguments {
  try {
    return lookupReply(ctx, command, req, caller);
  } catch (e) {
    ctx.log.error('slack.command_failed', {
      team: command.team_id,
      channel: command.channel_id,
      error: (e as Error).message,
    });
    return { response_type: 'ephemeral', text: strings(caller.locale).fault };
  }
}
