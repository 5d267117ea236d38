import type { FeedRuntime } from '../feeds/feed-runtime';
import type { FeedSource, FeedState } from '../feeds/feed-source';
import type { SourceDetails } from './chat-request';
import { parseSourceWords } from '../feeds/source-words';

/** What the chat needs of the followed-feeds runtime: its store and the list it polls. */
export type FeedsAccess = Pick<FeedRuntime, 'store' | 'followed'>;

/** How a feed's last poll went, for every surface to word its own way. */
export type PollSummary =
  | { kind: 'never' }
  | { kind: 'ok'; at: string; newItems: number }
  | { kind: 'not_modified'; at: string }
  | { kind: 'failing'; status: 'refused' | 'failed'; failures: number; reason: string; nextPollAt?: string };

export interface FeedListing {
  feed: FeedSource;
  state: FeedState;
  poll: PollSummary;
}

export function pollSummary(s: FeedState): PollSummary {
  switch (s.lastStatus) {
    case undefined:
      return { kind: 'never' };
    case 'refused':
    case 'failed':
      return {
        kind: 'failing',
        status: s.lastStatus,
        failures: s.failures,
        reason: s.lastReason ?? '?',
        ...(s.nextPollAt ? { nextPollAt: s.nextPollAt } : {}),
      };
    case 'new':
      return { kind: 'ok', at: s.lastPolledAt ?? '', newItems: s.lastNewItems ?? 0 };
    case 'not_modified':
      return { kind: 'not_modified', at: s.lastPolledAt ?? '' };
  }
}

/** Every followed feed with its poll state, in the order the poller reads them. */
export async function listSources(feeds: FeedsAccess): Promise<FeedListing[]> {
  const followed = await feeds.followed();
  return Promise.all(
    followed.map(async (feed) => {
      const state = await feeds.store.state(feed.id);
      return { feed, state, poll: pollSummary(state) };
    }),
  );
}

export type AddSourceResult =
  | { ok: true; feed: FeedSource }
  | { ok: false; problem: 'missing_url' }
  | { ok: false; problem: 'bad_word'; word: string }
  | { ok: false; problem: 'refused'; error: string };

/**
 * Follows a feed given as chat words (`<url> [en|fr] [kind]`, the words after the URL in any
 * order) or as fields (the terminal's options; they win over words).
 */
export async function addSource(
  feeds: FeedsAccess,
  words: string[],
  now: Date,
  fields: SourceDetails = {},
): Promise<AddSourceResult> {
  const parsed = parseSourceWords(words);
  if (!parsed.ok) return parsed;
  const r = await feeds.store.add(
    {
      url: parsed.url,
      ...(parsed.language ? { language: parsed.language } : {}),
      ...(parsed.kind ? { kind: parsed.kind } : {}),
      ...definedOnly(fields),
    },
    now,
  );
  return r.ok ? r : { ok: false, problem: 'refused', error: r.error };
}

export type RemoveSourceResult =
  | { ok: true; feed: FeedSource }
  | { ok: false; problem: 'missing_id' }
  | { ok: false; problem: 'not_found'; what: string };

export async function removeSource(feeds: FeedsAccess, words: string[], now: Date): Promise<RemoveSourceResult> {
  const what = words[0];
  if (what === undefined) return { ok: false, problem: 'missing_id' };
  const feed = await feeds.store.remove(what, now);
  return feed ? { ok: true, feed } : { ok: false, problem: 'not_found', what };
}

/** The feeds one `poll` names: all of them, or the one whose id or URL is given. */
export async function feedsToPoll(feeds: FeedsAccess, idOrUrl: string | undefined): Promise<FeedSource[]> {
  const all = await feeds.followed();
  return idOrUrl === undefined ? all : all.filter((f) => f.id === idOrUrl || f.url === idOrUrl);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
