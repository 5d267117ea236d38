import { Option } from 'commander';
import { FeedKind, type FeedSource, type FeedState } from '../../../src/feeds/feed-source';
import { loadFeedsConfig } from '../../../src/feeds/feeds-config';
import { openFeedRuntime } from '../../../src/feeds/feed-runtime';
import { pollFeeds, type FeedPollResult } from '../../../src/feeds/poll';
import { openClaims } from '../../../src/store/claims';
import { feedSink } from '../../feeds/feed-sink';
import type { App } from '../../root';
import { type CliContext, type RegisterCommand, UsageError } from '../context';
import { jsonOption } from '../options';
import { redactUrl, redactUrlsIn } from '../../../src/text/redact-url';
import { stripControl } from '../render-brief';

/** Exit code of `sources poll` when some feed was refused or failed (DESIGN.md). */
export const POLL_PROBLEM_EXIT = 3;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('sources')
    .description('followed news and official feeds (RSS, Atom, JSON Feed): add, list, remove, poll');

  cmd
    .command('add')
    .description('follow a feed')
    .argument('<url>', 'the feed URL (http or https)')
    .option('--title <title>', 'a name for it (default: the feed’s own title)')
    .addOption(new Option('--lang <lang>', 'language of its articles when they do not say').choices(['en', 'fr']))
    .addOption(new Option('--kind <kind>', 'what publishes it').choices(FeedKind.options))
    .option('--id <id>', 'id to give it (default: from the URL)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExample:\n  cyberbrief sources add https://www.cert.ssi.gouv.fr/alerte/feed/ --lang fr --kind cert',
    )
    .action(
      async (
        url: string,
        opts: { title?: string; lang?: 'en' | 'fr'; kind?: FeedKind; id?: string; json?: boolean },
      ) => {
        if (opts.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(opts.id))
          throw new UsageError(`--id: "${opts.id}" should be lower-case words joined by dashes`);
        await withFeeds(ctx, async (rt) => {
          const r = await rt.store.add(
            { url, title: opts.title, language: opts.lang, kind: opts.kind, id: opts.id },
            now(ctx),
          );
          if (!r.ok) throw new UsageError(`add: ${r.error}`);
          ctx.out(opts.json ? `${JSON.stringify(shown(r.feed), null, 2)}\n` : `${r.feed.id}\n`);
        });
      },
    );

  cmd
    .command('list')
    .description('list followed feeds with how their last poll went')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      await withFeeds(ctx, async (rt) => {
        const feeds = await rt.followed();
        const rows = await Promise.all(
          feeds.map(async (f) => ({ ...shown(f), poll: publicState(await rt.store.state(f.id)) })),
        );
        if (opts.json) {
          ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const r of rows) ctx.out(`${describe(r, r.poll)}\n`);
        ctx.out(`${rows.length} feed${rows.length === 1 ? '' : 's'}\n`);
      });
    });

  cmd
    .command('remove')
    .description('stop following a feed')
    .argument('<id|url>', 'the feed id (see `sources list`) or its URL')
    .addHelpText('after', '\nExit codes: 0 removed, 1 no such feed.')
    .action(async (idOrUrl: string) => {
      await withFeeds(ctx, async (rt) => {
        const removed = await rt.store.remove(idOrUrl, now(ctx));
        if (!removed) {
          ctx.err(`cyberbrief: no followed feed ${stripControl(idOrUrl)}\n`);
          process.exitCode = 1;
          return;
        }
        ctx.out(`removed ${removed.id}\n`);
      });
    });

  cmd
    .command('poll')
    .description('poll every followed feed (or one) now and ingest what is new and relevant')
    .argument('[id|url]', 'only this feed')
    .addHelpText(
      'after',
      `\nPrints one line per feed: new items, not modified, or refused/failed with the reason.\nExit codes: 0 every feed polled, 1 no such feed, ${POLL_PROBLEM_EXIT} some feed refused or failed.`,
    )
    .action(async (idOrUrl: string | undefined) => {
      await withFeeds(ctx, async (rt) => {
        const all = await rt.followed();
        const feeds = idOrUrl === undefined ? all : all.filter((f) => f.id === idOrUrl || f.url === idOrUrl);
        if (idOrUrl !== undefined && feeds.length === 0) {
          ctx.err(`cyberbrief: no followed feed ${stripControl(idOrUrl)}\n`);
          process.exitCode = 1;
          return;
        }
        const results = await pollFeeds(feeds, rt.deps, { force: true, onResult: (r) => ctx.out(`${pollLine(r)}\n`) });
        if (results.some((r) => r.status === 'refused' || r.status === 'failed')) process.exitCode = POLL_PROBLEM_EXIT;
      });
    });
};

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
      return `${id}: ${r.status}: ${stripControl(redactUrlsIn(r.reason ?? 'unknown reason'))}`;
    case 'busy':
    case 'deferred':
      return `${id}: skipped: ${stripControl(redactUrlsIn(r.reason ?? r.status))}`;
  }
}

/** A feed as listed: its URL without credentials (the stored one keeps them for fetching). */
function shown(f: FeedSource): FeedSource {
  return { ...f, url: redactUrl(f.url) };
}

function publicState(s: FeedState): Omit<FeedState, 'seen' | 'etag' | 'lastModified'> & { remembered: number } {
  const { seen, etag: _etag, lastModified: _lm, ...rest } = s;
  return { ...rest, lastReason: rest.lastReason && redactUrlsIn(rest.lastReason), remembered: seen.length };
}

function describe(f: FeedSource, s: ReturnType<typeof publicState>): string {
  const last =
    s.lastStatus === undefined
      ? 'never polled'
      : s.lastStatus === 'refused' || s.lastStatus === 'failed'
        ? `${s.lastStatus} ${s.failures}x: ${s.lastReason ?? ''} (next try ${s.nextPollAt ?? 'next poll'})`
        : `ok ${s.lastPolledAt ?? ''}${s.lastStatus === 'new' ? ` (${s.lastNewItems ?? 0} new)` : ' (not modified)'}`;
  return stripControl(
    `${f.id}  ${f.url}  ${f.language ?? '--'} ${f.kind} ${f.origin}  ${last}${f.title ? `  "${f.title}"` : ''}`,
  );
}
