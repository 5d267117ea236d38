import type { ArticleSink } from '../../src/feeds/article-sink';
import { createIngestSink, sameStoryHook } from '../../src/feeds/ingest-sink';
import { StoryStore } from '../../src/feeds/story-store';
import { Ingestor } from '../../src/ingest/ingest';
import type { Logger } from '../../src/log';
import type { App } from '../root';

/**
 * Where the feeds side sends relevant articles: the ingestion pipeline, writing through the
 * app's BriefingService, with same-story merging hooked in where developments are stored.
 */
export function feedSink(app: Pick<App, 'briefing' | 'kv'> & { log?: Logger }, now: () => Date): ArticleSink {
  const stories = new StoryStore(app.kv);
  const ingestor = new Ingestor(app.briefing, now, app.log, {
    sameStory: sameStoryHook(stories, () => app.briefing.data),
  });
  return createIngestSink({ ingestor, stories, log: app.log ?? silent });
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
