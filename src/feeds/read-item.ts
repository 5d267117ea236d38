import type { Logger } from '../log';
import type { FeedArticle } from './article-sink';
import { readArticleHtml } from './article-text';
import { decodeBody } from './decode-text';
import type { FeedSource } from './feed-source';
import type { HostGate } from './host-gate';
import type { FeedItem } from './parse-feed';
import type { RelevanceModel } from './relevance';
import type { Fetcher } from './safe-fetch';

/** A feed's own content at least this long is taken as the full article, and the page is not fetched. */
export const FULL_TEXT_CHARS = 1000;

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

export type ItemReading =
  | { kind: 'article'; article: FeedArticle; fetched: boolean; score: number }
  | { kind: 'irrelevant'; stage: 'summary' | 'text'; score?: number }
  | { kind: 'unreadable'; reason: string };

export interface ReadItemDeps {
  fetcher: Fetcher;
  gate: HostGate;
  relevance: RelevanceModel;
  log: Logger;
}

/**
 * Turns one new feed item into an article worth ingesting, or says why not. The summary is
 * judged first so that product news in a tech feed never costs a page fetch; the page itself
 * goes through the same safe fetcher as the feed (its host may be another one).
 */
export async function readItem(feed: FeedSource, item: FeedItem, deps: ReadItemDeps): Promise<ItemReading> {
  if (!deps.relevance.worthFetching({ title: item.title, text: item.summary }))
    return { kind: 'irrelevant', stage: 'summary' };
  let text = item.content && item.content.length >= FULL_TEXT_CHARS ? item.content : '';
  let url = item.url;
  let language = item.language;
  let published = item.published;
  let title = item.title;
  let fetched = false;
  if (!text && item.url) {
    const page = await deps.gate.run(item.url, () => deps.fetcher.fetch(item.url!, { accept: HTML_ACCEPT }));
    if (page.kind === 'ok' && /html|xml|text\/plain/i.test(page.contentType || 'text/html')) {
      const { text: html } = decodeBody(page.body, page.contentType, 'html');
      const read = /text\/plain/i.test(page.contentType) ? { text: html } : readArticleHtml(html);
      text = read.text;
      url = page.url;
      fetched = true;
      if ('language' in read && read.language) language ??= read.language.slice(0, 2).toLowerCase();
      if ('published' in read && read.published) published ??= read.published;
      if ('title' in read && read.title && !title) title = read.title;
    } else if (page.kind === 'refused' || page.kind === 'failed') {
      deps.log.warn(`feeds.article_${page.kind}`, { feed: feed.id, url: page.url, reason: page.reason });
    }
  }
  // The page could not be read: what the feed itself carries is better than nothing.
  if (!text)
    text =
      [item.content, item.summary].filter((t): t is string => Boolean(t)).sort((a, b) => b.length - a.length)[0] ?? '';
  if (text.trim().length === 0) return { kind: 'unreadable', reason: 'no text in the item or its page' };
  const verdict = deps.relevance.classify({ title, text });
  if (!verdict.relevant) return { kind: 'irrelevant', stage: 'text', score: verdict.score };
  return {
    kind: 'article',
    fetched,
    score: verdict.score,
    article: {
      feedId: feed.id,
      url,
      title,
      text,
      language: language ?? feed.language,
      published,
      publisher: feed.title || undefined,
    },
  };
}
