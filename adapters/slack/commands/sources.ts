import { parseSourceWords } from '../../../src/feeds/source-words';
import type { FeedSource, FeedState } from '../../../src/feeds/feed-source';
import type { Locale } from '../../../src/domain/text';
import { redactUrl, redactUrlsIn } from '../../../src/text/redact-url';
import { context, type KnownBlock, section } from '../blocks';
import { escapeInline, escapeMrkdwn } from '../escape';
import { LIMITS, packLines } from '../limits';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

const EXAMPLE = '/cyberbrief sources add https://www.cert.ssi.gouv.fr/alerte/feed/ fr cert';
/** Room for the title block and the "more not shown" note. */
const MAX_LIST_BLOCKS = LIMITS.messageBlocks - 2;

/**
 * `/cyberbrief sources [list | add <url> [en|fr] [kind] | remove <id|url>]`: the feeds the
 * server follows. Anyone may list them; adding and removing changes what the whole deployment
 * reads, so it takes the same admins as a channel's digest. Replies are ephemeral: only the
 * person asking needs them. Polling stays with the server's schedule.
 */
export async function sources(call: CommandCall, args: string): Promise<void> {
  const { ctx, respond, locale } = call;
  const S = strings(locale);
  if (!ctx.feeds) {
    await respond({ response_type: 'ephemeral', text: S.sourcesUnavailable });
    return;
  }
  const [verb = '', ...rest] = args.split(' ').filter((w) => w !== '');
  switch (verb.toLowerCase()) {
    case '':
    case 'list':
    case 'liste':
      return list(call, ctx.feeds);
    case 'add':
    case 'ajouter':
      return add(call, ctx.feeds, rest);
    case 'remove':
    case 'retirer':
    case 'supprimer':
      return remove(call, ctx.feeds, rest);
    default:
      await respond({
        response_type: 'ephemeral',
        text: S.sourcesUsage.split('\n')[0]!,
        blocks: [section(S.sourcesUsage)],
      });
  }
}

type Feeds = NonNullable<CommandCall['ctx']['feeds']>;

async function list({ respond, locale }: CommandCall, feeds: Feeds): Promise<void> {
  const S = strings(locale);
  const followed = await feeds.followed();
  if (followed.length === 0) {
    await respond({ response_type: 'ephemeral', text: S.sourcesNone });
    return;
  }
  const lines = await Promise.all(followed.map(async (f) => feedLine(f, await feeds.store.state(f.id), locale)));
  const chunks = packLines(lines, LIMITS.sectionText);
  const shown = chunks.slice(0, MAX_LIST_BLOCKS);
  const shownLines = shown.reduce((n, c) => n + c.split('\n').length, 0);
  const title = S.sourcesTitle(followed.length);
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(title)}*`), ...shown.map((c) => section(c))];
  if (shownLines < lines.length) blocks.push(context([S.sourcesMore(lines.length - shownLines)]));
  await respond({ response_type: 'ephemeral', text: title, blocks });
}

/** One feed on one line: every word from the feed or its poll is escaped, so a title can neither ping nor link. */
export function feedLine(f: FeedSource, s: FeedState, locale: Locale): string {
  const S = strings(locale);
  const title = f.title.trim() === '' ? '' : ` ${escapeInline(f.title)}`;
  const at = (iso: string | undefined) => (iso ?? '').slice(0, 16).replace('T', ' ');
  const last =
    s.lastStatus === undefined
      ? S.never
      : s.lastStatus === 'refused' || s.lastStatus === 'failed'
        ? S.polledBad(s.lastStatus, s.failures, escapeInline(redactUrlsIn(s.lastReason ?? '?')))
        : s.lastStatus === 'new'
          ? S.polledOk(at(s.lastPolledAt), s.lastNewItems ?? 0)
          : S.polledSame(at(s.lastPolledAt));
  return `• \`${escapeInline(f.id)}\`${title} (${escapeInline(f.language ?? '--')}, ${f.kind}) ${escapeInline(redactUrl(f.url))}: ${last}`;
}

async function add(
  { ctx, command, client, respond, locale }: CommandCall,
  feeds: Feeds,
  words: string[],
): Promise<void> {
  const S = strings(locale);
  if (!(await ctx.permissions.canManage(client, command.user_id, command.team_id))) {
    await respond({ response_type: 'ephemeral', text: S.sourcesNotAllowed });
    return;
  }
  const usage = (problem: string) =>
    respond({ response_type: 'ephemeral', text: `${problem}\n${S.example}: \`${EXAMPLE}\`` });
  const parsed = parseSourceWords(words);
  if (!parsed.ok)
    return void (await usage(
      parsed.problem === 'missing_url' ? S.sourcesAddUsage : escapeMrkdwn(S.sourcesBadWord(parsed.word)),
    ));
  const r = await feeds.store.add(
    { url: slackUrl(parsed.url), language: parsed.language, kind: parsed.kind },
    ctx.now(),
  );
  if (!r.ok) return void (await usage(escapeMrkdwn(S.sourcesAddError(r.error))));
  ctx.log.info('slack.feed_added', { team: command.team_id, user: command.user_id, feed: r.feed.id });
  await respond({
    response_type: 'ephemeral',
    text: S.sourcesAdded(escapeInline(r.feed.id), escapeInline(redactUrl(r.feed.url))),
  });
}

async function remove(
  { ctx, command, client, respond, locale }: CommandCall,
  feeds: Feeds,
  words: string[],
): Promise<void> {
  const S = strings(locale);
  if (!(await ctx.permissions.canManage(client, command.user_id, command.team_id))) {
    await respond({ response_type: 'ephemeral', text: S.sourcesNotAllowed });
    return;
  }
  const what = words[0];
  if (what === undefined) {
    await respond({ response_type: 'ephemeral', text: S.sourcesRemoveUsage });
    return;
  }
  const removed = await feeds.store.remove(slackUrl(what), ctx.now());
  if (!removed) {
    await respond({ response_type: 'ephemeral', text: S.sourcesNoSuch(`\`${escapeInline(what)}\``) });
    return;
  }
  ctx.log.info('slack.feed_removed', { team: command.team_id, user: command.user_id, feed: removed.id });
  await respond({ response_type: 'ephemeral', text: S.sourcesRemoved(escapeInline(removed.id)) });
}

/** Slack may send a pasted link as `<url>` or `<url|label>`, with `&` as `&amp;`. */
function slackUrl(word: string): string {
  const m = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(word);
  return (m ? m[1]! : word).replace(/&amp;/g, '&');
}
