import { Option } from 'commander';
import { SOURCE_VERBS, wordsOf } from '../../../src/chat/command-words';
import type { ChatOutcome } from '../../../src/chat/chat-service';
import { parseSources } from '../../../src/chat/parse-command';
import { type FeedListing, feedsToPoll } from '../../../src/chat/sources';
import { FeedKind, type FeedState } from '../../../src/feeds/feed-source';
import { loadFeedsConfig } from '../../../src/feeds/feeds-config';
import { openFeedRuntime } from '../../../src/feeds/feed-runtime';
import { pollFeeds, type FeedPollResult } from '../../../src/feeds/poll';
import { openClaims } from '../../../src/store/claims';
import { feedSink } from '../../server/feed-sink';
import type { App } from '../../root';
import { cliCaller, openChat } from '../chat';
import { type CliContext, type RegisterCommand, UsageError } from '../context';
import { jsonOption } from '../options';
import { stripControl } from '../render-brief';

/** Exit code of `sources poll` when some feed was refused or failed (DESIGN.md). */
export const POLL_PROBLEM_EXIT = 3;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('sources')
    .aliases(wordsOf('sources').filter((w) => w !== 'sources'))
    .description('followed news and official feeds (RSS, Atom, JSON Feed): list, add, remove, poll')
    .argument(
      '[verb]',
      `${SOURCE_VERBS.list.en[0]} (default), add <url> [en|fr] [kind], remove <id|url>, poll [id|url]`,
    )
    .argument('[words...]', 'what the verb takes')
    .option('--title <title>', 'add: a name for it (default: the feed’s own title)')
    .addOption(new Option('--lang <lang>', 'add: language of its articles when they do not say').choices(['en', 'fr']))
    .addOption(new Option('--kind <kind>', 'add: what publishes it').choices(FeedKind.options))
    .option('--id <id>', 'add: id to give it (default: from the URL)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `\nThe verbs are the chat's (French too: liste, ajouter, retirer, relever).\nExamples:\n  cyberbrief sources\n  cyberbrief sources add https://www.cert.ssi.gouv.fr/alerte/feed/ --lang fr --kind cert\n  cyberbrief sources remove cert-fr-alertes\n  cyberbrief sources poll\n\nExit codes: 0 done, 1 no such feed, 2 bad usage, ${POLL_PROBLEM_EXIT} some feed refused or failed (poll).\n`,
    )
    .action(async (verb: string | undefined, words: string[], opts: SourcesOptions) => {
      const req = parseSources(verb === undefined ? [] : [verb, ...words]);
      if (opts.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(opts.id))
        throw new UsageError(`--id: "${opts.id}" should be lower-case words joined by dashes`);
      await withFeeds(ctx, async (rt, app) => {
        if (req.verb === 'poll') return poll(ctx, rt, req.words[0]);
        const chat = openChat(app, () => now(ctx), rt);
        const details = { title: opts.title, language: opts.lang, kind: opts.kind, id: opts.id };
        const outcome = await chat.run(
          { ...req, details },
          cliCaller(app.config.CYBERBRIEF_LANG, app.config.CYBERBRIEF_TZ),
        );
        render(ctx, outcome, opts, verb);
      });
    });
};

interface SourcesOptions {
  title?: string;
  lang?: 'en' | 'fr';
  kind?: FeedKind;
  id?: string;
  json?: boolean;
}

function render(ctx: CliContext, outcome: ChatOutcome, opts: SourcesOptions, verb: string | undefined): void {
  switch (outcome.kind) {
    case 'sources_usage':
      throw new UsageError(`sources: "${stripControl(verb ?? '')}" is none of list, add, remove, poll`);
    case 'sources_listed': {
      if (opts.json) {
        const rows = outcome.feeds.map((f) => ({ ...f.feed, poll: publicState(f.state) }));
        ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const f of outcome.feeds) ctx.out(`${describe(f)}\n`);
      ctx.out(`${outcome.feeds.length} feed${outcome.feeds.length === 1 ? '' : 's'}\n`);
      return;
    }
    case 'source_added': {
      const r = outcome.result;
      if (r.ok) return ctx.out(opts.json ? `${JSON.stringify(r.feed, null, 2)}\n` : `${r.feed.id}\n`);
      if (r.problem === 'missing_url') throw new UsageError('add: give the feed URL (http or https)');
      if (r.problem === 'bad_word')
        throw new UsageError(
          `add: "${stripControl(r.word)}" is neither en, fr nor one of ${FeedKind.options.join(', ')}`,
        );
      throw new UsageError(`add: ${r.error}`);
    }
    case 'source_removed': {
      const r = outcome.result;
      if (r.ok) return ctx.out(`removed ${r.feed.id}\n`);
      if (r.problem === 'missing_id') throw new UsageError('remove: give the feed id (see `sources list`) or its URL');
      ctx.err(`cyberbrief: no followed feed ${stripControl(r.what)}\n`);
      process.exitCode = 1;
      return;
    }
    default:
      throw new Error(`sources: unexpected outcome ${outcome.kind}`);
  }
}

async function poll(ctx: CliContext, rt: Runtime, idOrUrl: string | undefined): Promise<void> {
  const feeds = await feedsToPoll(rt, idOrUrl);
  if (idOrUrl !== undefined && feeds.length === 0) {
    ctx.err(`cyberbrief: no followed feed ${stripControl(idOrUrl)}\n`);
    process.exitCode = 1;
    return;
  }
  const results = await pollFeeds(feeds, rt.deps, { force: true, onResult: (r) => ctx.out(`${pollLine(r)}\n`) });
  if (results.some((r) => r.status === 'refused' || r.status === 'failed')) process.exitCode = POLL_PROBLEM_EXIT;
}

type Runtime = ReturnType<typeof openFeedRuntime>;

async function withFeeds(ctx: CliContext, fn: (rt: Runtime, app: App) => Promise<void>): Promise<void> {
  const app = await ctx.open();
  let rt: Runtime | undefined;
  const sink = feedSink(app, now.bind(null, ctx));
  try {
    rt = openFeedRuntime({
      kv: app.kv,
      kb: app.kb,
      core: app.config,
      feeds: loadFeedsConfig(app.env),
      sink,
      log: app.log,
      now: () => now(ctx),
      // A running `serve` may be polling the same feed: the claim keeps the two from doing it at once.
      claims: openClaims(app.kv),
    });
    await fn(rt, app);
  } finally {
    rt?.close();
    await sink.flush?.();
    await app.close();
  }
}

function now(ctx: CliContext): Date {
  return ctx.options.now?.() ?? new Date();
}

export function pollLine(r: FeedPollResult): string {
  const id = r.feed.id;
  switch (r.status) {
    case 'new': {
      const details = [`${r.kept} relevant`, `${r.developments} development${r.developments === 1 ? '' : 's'} added`];
      if (r.merged > 0) details.push(`${r.merged} merged into known stories`);
      if (r.problems > 0) details.push(`${r.problems} unreadable`);
      return `${id}: ${r.newItems} new item${r.newItems === 1 ? '' : 's'} (${details.join(', ')})`;
    }
    case 'not_modified':
      return `${id}: not modified`;
    case 'refused':
    case 'failed':
      return `${id}: ${r.status}: ${stripControl(r.reason ?? 'unknown reason')}`;
    case 'busy':
    case 'deferred':
      return `${id}: skipped: ${stripControl(r.reason ?? r.status)}`;
  }
}

function publicState(s: FeedState): Omit<FeedState, 'seen' | 'etag' | 'lastModified'> & { remembered: number } {
  const { seen, etag: _etag, lastModified: _lm, ...rest } = s;
  return { ...rest, remembered: seen.length };
}

function describe({ feed: f, poll }: FeedListing): string {
  const last =
    poll.kind === 'never'
      ? 'never polled'
      : poll.kind === 'failing'
        ? `${poll.status} ${poll.failures}x: ${poll.reason} (next try ${poll.nextPollAt ?? 'next poll'})`
        : `ok ${poll.at}${poll.kind === 'ok' ? ` (${poll.newItems} new)` : ' (not modified)'}`;
  return stripControl(
    `${f.id}  ${f.url}  ${f.language ?? '--'} ${f.kind} ${f.origin}  ${last}${f.title ? `  "${f.title}"` : ''}`,
  );
}
