import { createHash } from 'node:crypto';
import type { PartialDate } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Extraction } from '../ingest/extract';
import type { IngestInput, IngestOutcome, SameStoryHook } from '../ingest/ingest';
import type { Logger } from '../log';
import type { Catalog } from '../catalog/catalog';
import type { ArticleSink, FeedArticle, IngestReport } from './article-sink';
import {
  couldBeSame,
  findSameDevelopment,
  fingerprint,
  type KnownDevelopment,
  mergeDevelopment,
  type StoryFingerprint,
} from './same-story';
import type { StoryStore } from './story-store';

/** The ingestion pipeline as the feeds side uses it (src/ingest/ingest.ts's Ingestor). */
export interface ArticleIngestor {
  ingest(input: IngestInput): Promise<IngestOutcome>;
}

/**
 * Hands relevant feed articles to the ingestion pipeline, one at a time: ingestion reads an
 * incident's developments and writes them back, so two articles about one incident must not
 * interleave. The article's text is passed as already read (the page's main text), with the
 * feed's title, link and date, so the page is not parsed twice.
 */
export function createIngestSink(opts: { ingestor: ArticleIngestor; stories: StoryStore; log: Logger }): ArticleSink {
  let queue: Promise<unknown> = Promise.resolve();
  // The same text under two links (a syndicated wire story) is read once per process; ingestion's
  // own content hash catches it again after a restart, at the cost of one reading.
  const handed = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  const run = (article: FeedArticle): Promise<IngestReport> => {
    const hash = createHash('sha256').update(article.text).digest('base64url').slice(0, 16);
    if (handed.has(hash)) return Promise.resolve({ status: 'duplicate', developments: 0, merged: 0 });
    handed.add(hash);
    if (handed.size > 20_000) handed.delete(handed.values().next().value as string);
    const next = queue.then(() =>
      ingestOne(article, opts, (p) => {
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }),
    );
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    ingest: run,
    async flush() {
      await queue;
      await Promise.allSettled([...pending]);
    },
  };
}

async function ingestOne(
  article: FeedArticle,
  opts: { ingestor: ArticleIngestor; stories: StoryStore; log: Logger },
  track: (p: Promise<unknown>) => void,
): Promise<IngestReport> {
  const input: IngestInput = {
    bytes: Buffer.from(article.text, 'utf8'),
    // Plain text: the main text was already taken out of the page by the feeds side.
    name: 'feed-article.txt',
    published: partialDate(article.published),
    url: article.url,
    title: article.title,
    ...(article.backfill ? { backfill: true } : {}),
  };
  const outcome = await opts.ingestor.ingest(input);
  switch (outcome.status) {
    case 'added':
      // Written behind: this process knows the fingerprint at once, and the next ingestion need not wait for the disk.
      track(
        opts.stories
          .put(outcome.sourceId, storyOf(outcome.extraction))
          .catch((e: unknown) =>
            opts.log.warn('feeds.story_save_failed', { source: outcome.sourceId, error: e as Error }),
          ),
      );
      return {
        status: outcome.developments > 0 ? 'stored' : 'merged',
        developments: outcome.developments,
        merged: outcome.merged,
      };
    case 'unchanged':
      return { status: 'duplicate', developments: 0, merged: 0 };
    case 'nothing':
      return { status: 'nothing', developments: 0, merged: 0, reason: outcome.note };
    case 'refused':
      opts.log.info('feeds.article_refused', {
        feed: article.feedId,
        url: article.url,
        problem: outcome.problem,
      });
      return { status: 'nothing', developments: 0, merged: 0, reason: outcome.problem };
  }
}

const stories = new WeakMap<Extraction, StoryFingerprint>();

/** The fingerprint of what an article says: its text, and the ids and dates ingestion read in it. */
export function storyOf(x: Extraction): StoryFingerprint {
  let fp = stories.get(x);
  if (!fp) {
    fp = fingerprint({
      text: x.text,
      lang: x.language,
      entities: [...x.actors, ...x.incidents.map((i) => i.id)],
      dates: x.developments.map((d) => d.date),
    });
    stories.set(x, fp);
  }
  return fp;
}

/**
 * The hook ingestion calls before adding a development: a development that repeats one already
 * stored (another outlet, possibly in the other language, telling the same story) becomes one
 * more source of it instead of a second development.
 */
export function sameStoryHook(storyStore: StoryStore, catalog: () => Catalog): SameStoryHook {
  return {
    async find(dev: Development, candidates: readonly Development[], x: Extraction): Promise<Development | undefined> {
      const known: KnownDevelopment[] = [];
      for (const c of candidates) {
        // Fingerprints are loaded only for developments that pass the cheap checks.
        if (!couldBeSame(c, dev)) continue;
        const fps: StoryFingerprint[] = [];
        // The latest few tellings are enough to recognise a story, and keep this cost flat for a much-covered one.
        for (const id of c.sources.slice(-STORIES_COMPARED)) {
          const fp = (await storyStore.get(id)) ?? fallbackStory(catalog(), id, c);
          if (fp) fps.push(fp);
        }
        known.push({ dev: c, stories: fps });
      }
      return findSameDevelopment(dev, storyOf(x), known);
    },
    merge: mergeDevelopment,
  };
}

const STORIES_COMPARED = 6;

/** An article stored by `cyberbrief ingest` has no fingerprint yet: one is made from its kept text. */
function fallbackStory(catalog: Catalog, sourceId: string, dev: Development): StoryFingerprint | undefined {
  const s = catalog.sources.get(sourceId);
  if (!s?.text) return undefined;
  return fingerprint({
    text: s.text,
    lang: s.language,
    entities: [...dev.by, ...dev.against, ...dev.incidents],
    dates: [dev.date],
  });
}

function partialDate(iso: string | undefined): PartialDate | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;
}
