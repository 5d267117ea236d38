import type { RespondArguments, SlashCommand } from '@slack/bolt';
import type { ChatRequest } from '../../src/chat/chat-request';
import type { Caller, ChatOutcome } from '../../src/chat/chat-service';
import type { FeedListing } from '../../src/chat/sources';
import type { Locale } from '../../src/domain/text';
import { context, header, type KnownBlock, section } from './blocks';
import { describeSubscription } from './describe-subscription';
import { escapeInline, escapeMrkdwn, mentionChannel, mentionUser } from './escape';
import { LIMITS, packLines } from './limits';
import { renderBrief } from './render-brief';
import { latestText } from './render-latest';
import type { SlackContext } from './slack-context';
import { strings } from './strings';

const SOURCES_EXAMPLE = '/cyberbrief sources add https://www.cert.ssi.gouv.fr/alerte/feed/ fr cert';
/** Room for the title block and the "more not shown" note. */
const MAX_LIST_BLOCKS = LIMITS.messageBlocks - 2;

/**
 * A lookup, private by default with a "Post to channel" button, or posted in the channel when
 * `public`. Not found and ambiguous answers stay private even when `public`. The private
 * rendering comes from the brief cache, so the brief everyone is asking about renders once.
 */
export function lookupReply(
  ctx: SlackContext,
  command: SlashCommand,
  req: Extract<ChatRequest, { kind: 'lookup' }>,
  caller: Caller,
): RespondArguments {
  if (!req.public) {
    const { brief, message } = ctx.briefs.ephemeral(req.query, caller.locale);
    ctx.chat.record(req, caller, { kind: 'brief', brief, public: false });
    return { response_type: 'ephemeral', ...message };
  }
  const brief = ctx.chat.lookup(req, caller);
  if (brief.status !== 'found') return { response_type: 'ephemeral', ...renderBrief(brief, { ephemeral: true }) };
  return { response_type: 'in_channel', ...renderBrief(brief, { ephemeral: false, sharedBy: command.user_id }) };
}

/** Every other outcome in Block Kit; whatever came from users or feeds is escaped. */
export function outcomeReply(outcome: ChatOutcome, command: SlashCommand, locale: Locale): RespondArguments {
  const S = strings(locale);
  const say = (text: string): RespondArguments => ({ response_type: 'ephemeral', text });
  switch (outcome.kind) {
    case 'help':
      // Help is the project's own mrkdwn (backticks, bold): it is not escaped, and carries no content.
      return { response_type: 'ephemeral', text: S.help.split('\n')[0]!, blocks: [section(S.help)] };
    case 'brief':
      return { response_type: 'ephemeral', ...renderBrief(outcome.brief, { ephemeral: true }) };
    case 'latest': {
      const body = outcome.items.length > 0 ? latestText(outcome.items, locale) : S.nothingYet;
      return { response_type: 'ephemeral', text: S.latestTitle, blocks: [header(S.latestTitle), section(body)] };
    }
    case 'lang_usage':
      return say(S.langUsage);
    case 'lang_set': {
      const T = strings(outcome.locale);
      return say(outcome.digestFollows ? `${T.langSet} ${T.langSetDigest}` : T.langSet);
    }
    case 'not_allowed':
      return say(outcome.what === 'digest' ? S.notAllowed : S.sourcesNotAllowed);
    case 'not_here':
    case 'sources_usage':
    case 'sources_poll_elsewhere':
      return { response_type: 'ephemeral', text: S.sourcesUsage.split('\n')[0]!, blocks: [section(S.sourcesUsage)] };
    case 'subscribe_invalid':
      return say(
        `${escapeMrkdwn(outcome.error)}\n${S.example}: \`/cyberbrief subscribe ${escapeMrkdwn(outcome.example)}\``,
      );
    case 'subscribed': {
      // In the channel: it changes what everyone there will receive.
      const who = mentionUser(command.user_id);
      const line = describeSubscription(outcome.subscription, locale);
      return {
        response_type: 'in_channel',
        text: outcome.created ? S.subscribed(who, line) : S.resubscribed(who, line),
      };
    }
    case 'unsubscribed':
      return { response_type: 'in_channel', text: S.unsubscribed(mentionUser(command.user_id)) };
    case 'not_subscribed':
      return say(S.noSubscription);
    case 'subscriptions': {
      const subs = outcome.workspace;
      if (subs.length === 0) return say(S.noSubscriptions);
      const lines = subs.map((s) => `• ${mentionChannel(s.channel)} · ${describeSubscription(s, locale)}`);
      const sections = packLines(lines, LIMITS.sectionText)
        .slice(0, LIMITS.messageBlocks - 1)
        .map((t) => section(t));
      return {
        response_type: 'ephemeral',
        text: S.subscriptionsTitle,
        blocks: [header(S.subscriptionsTitle), ...sections],
      };
    }
    case 'sources_unavailable':
      return say(S.sourcesUnavailable);
    case 'sources_listed':
      return sourcesList(outcome.feeds, locale);
    case 'source_added': {
      const r = outcome.result;
      if (r.ok) return say(S.sourcesAdded(escapeInline(r.feed.id), escapeInline(r.feed.url)));
      const problem =
        r.problem === 'missing_url'
          ? S.sourcesAddUsage
          : escapeMrkdwn(r.problem === 'bad_word' ? S.sourcesBadWord(r.word) : S.sourcesAddError(r.error));
      return say(`${problem}\n${S.example}: \`${SOURCES_EXAMPLE}\``);
    }
    case 'source_removed': {
      const r = outcome.result;
      if (r.ok) return say(S.sourcesRemoved(escapeInline(r.feed.id)));
      return say(r.problem === 'missing_id' ? S.sourcesRemoveUsage : S.sourcesNoSuch(`\`${escapeInline(r.what)}\``));
    }
  }
}

function sourcesList(feeds: FeedListing[], locale: Locale): RespondArguments {
  const S = strings(locale);
  if (feeds.length === 0) return { response_type: 'ephemeral', text: S.sourcesNone };
  const lines = feeds.map((f) => feedLine(f, locale));
  const chunks = packLines(lines, LIMITS.sectionText);
  const shown = chunks.slice(0, MAX_LIST_BLOCKS);
  const shownLines = shown.reduce((n, c) => n + c.split('\n').length, 0);
  const title = S.sourcesTitle(feeds.length);
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(title)}*`), ...shown.map((c) => section(c))];
  if (shownLines < lines.length) blocks.push(context([S.sourcesMore(lines.length - shownLines)]));
  return { response_type: 'ephemeral', text: title, blocks };
}

/** One feed on one line: every word from the feed or its poll is escaped, so a title can neither ping nor link. */
export function feedLine({ feed: f, poll }: FeedListing, locale: Locale): string {
  const S = strings(locale);
  const title = f.title.trim() === '' ? '' : ` ${escapeInline(f.title)}`;
  const at = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const last =
    poll.kind === 'never'
      ? S.never
      : poll.kind === 'failing'
        ? S.polledBad(poll.status, poll.failures, escapeInline(poll.reason))
        : poll.kind === 'ok'
          ? S.polledOk(at(poll.at), poll.newItems)
          : S.polledSame(at(poll.at));
  return `• \`${escapeInline(f.id)}\`${title} (${escapeInline(f.language ?? '--')}, ${f.kind}) ${escapeInline(f.url)}: ${last}`;
}
