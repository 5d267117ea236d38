import { Readability } from '@mozilla/readability';
import { htmlToText, nodeText, parseDocument } from './html-text';

export interface ArticleText {
  title?: string;
  /** Main text, paragraphs separated by blank lines; navigation, scripts and boilerplate dropped. */
  text: string;
  /** From `<html lang>` or the page's metadata, as written (`fr-FR`). */
  language?: string;
  /** ISO instant, from the page's metadata (article:published_time, JSON-LD) when present. */
  published?: string;
  siteName?: string;
  /** True when the extractor found no article and the whole body text was kept instead. */
  fallback: boolean;
}

/** Pages larger than this are cut before parsing: a news article's HTML is far smaller, and DOM cost grows with size. */
const MAX_HTML_CHARS = 2_000_000;

/**
 * Main text of an HTML page, read with Mozilla's Readability (the Firefox reader view) over
 * linkedom, a light DOM that needs no browser. Readability keeps scripts from ever running:
 * linkedom does not execute them.
 */
export function readArticleHtml(html: string): ArticleText {
  const doc = parseDocument(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  const language = doc.documentElement.getAttribute('lang') ?? metaContent(doc, 'meta[http-equiv="content-language" i]') ?? undefined;
  const metaPublished = metaContent(doc, 'meta[property="article:published_time"]') ?? metaContent(doc, 'meta[name="date"]') ?? timeElement(doc);
  const metaTitle = metaContent(doc, 'meta[property="og:title"]') ?? doc.querySelector('title')?.textContent?.trim() ?? undefined;
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(doc as never, { charThreshold: 300 }).parse();
  } catch {
    parsed = null;
  }
  const text = parsed?.content ? htmlToText(String(parsed.content)) : '';
  if (parsed && text.length >= 200) {
    return {
      title: parsed.title?.trim() || metaTitle,
      text,
      language: parsed.lang ?? language,
      published: instant(parsed.publishedTime ?? metaPublished),
      siteName: parsed.siteName ?? undefined,
      fallback: false,
    };
  }
  // Short pages (a press release of three paragraphs) can fall under Readability's threshold;
  // the body text, with scripts and styles dropped, is then better than nothing.
  const fresh = parseDocument(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  stripChrome(fresh);
  return {
    title: metaTitle,
    text: fresh.body ? nodeText(fresh.body) : '',
    language,
    published: instant(metaPublished),
    fallback: true,
  };
}

function metaContent(doc: ReturnType<typeof parseDocument>, selector: string): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v ? v : undefined;
}

function timeElement(doc: ReturnType<typeof parseDocument>): string | undefined {
  return doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
}

/** Navigation, headers and footers are not the article. */
function stripChrome(doc: ReturnType<typeof parseDocument>): void {
  const nodes = doc.querySelectorAll('nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"]');
  for (let i = nodes.length - 1; i >= 0; i -= 1) (nodes[i] as unknown as { remove(): void }).remove();
}

function instant(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
