/** A feed item read and judged relevant: what the feeds side hands to ingestion. */
export interface FeedArticle {
  feedId: string;
  /** The page's final URL (after redirects), or the item link when the feed carried the full text. */
  url?: string;
  title: string;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  /** ISO 639-1 when known (item, page or feed). */
  language?: string;
  /** ISO instant from the item or the page. */
  published?: string;
  /** The feed's title, kept as the source's publisher. */
  publisher?: string;
  /** From the feed's back catalogue: recorded for lookups, never announced by a digest. */
  backfill?: boolean;
}

export interface IngestReport {
  /** `stored`: new developments; `merged`: only sources added to developments already known; `duplicate`: this article was already stored; `nothing`: no development read from it. */
  status: 'stored' | 'merged' | 'duplicate' | 'nothing';
  /** Developments created. */
  developments: number;
  /** Developments that were the same story as one already stored and got this article as a further source. */
  merged: number;
  reason?: string;
}

/** The port through which fetched articles reach the ingestion pipeline (and the store). */
export interface ArticleSink {
  ingest(article: FeedArticle): Promise<IngestReport>;
  /** Waits for writes still under way (before the store is closed). */
  flush?(): Promise<void>;
}
