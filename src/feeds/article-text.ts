import { readHtml } from '../ingest/read/html';

export interface ArticleText {
  title?: string;
  /** Main text, paragraphs separated by blank lines; navigation, scripts and boilerplate dropped. */
  text: string;
  /** From `<html lang>`, as written (`fr-FR`). */
  language?: string;
  /** ISO instant, from the page's metadata (article:published_time, JSON-LD...) when present. */
  published?: string;
  /** The page's canonical URL, when it declares one. */
  canonical?: string;
}

/** Pages larger than this are cut before parsing: a news article's HTML is far smaller, and DOM cost grows with size. */
const MAX_HTML_CHARS = 2_000_000;

/**
 * Main text of a fetched page. The ingestion pipeline's HTML reader does the work (Mozilla
 * Readability over linkedom, which never runs the page's scripts): one reader for files and
 * for feeds, so both read a page the same way.
 */
export function readArticleHtml(html: string): ArticleText {
  const r = readHtml(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  return { title: r.title, text: r.text, language: r.lang, published: instant(r.published), canonical: r.url };
}

function instant(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
