import { extname } from 'node:path';
import { PartialDate } from '../../domain/dates';
import { decodeArticle } from './decode';
import { readHtml } from './html';
import { readMarkdown } from './markdown';

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'seed';

/** One article as read from a file or a fetched page, before any language work. */
export interface Article {
  /** Main text; paragraphs separated by a blank line. */
  text: string;
  title?: string;
  url?: string;
  /** From the article's own header or metadata, when it has one. */
  published?: PartialDate;
  /** Language the document declares (html lang, front matter), if any. */
  declaredLanguage?: string;
  format: ArticleFormat;
  encoding: string;
}

export type ReadOutcome = { ok: true; article: Article } | { ok: false; problem: string };

/** Fewer words than this is a caption or a stub, not an article to read developments from. */
export const MIN_ARTICLE_WORDS = 12;

/** The seed format: first line ` date YYYY-MM` (a day or a year also accepted), text may follow on it. */
const SEED_HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*/;
/** A plain-text header block of `Key: value` lines before the first blank line. */
const TEXT_HEADER = /^(title|titre|date|published|publié|url|source|lang|language)\s*:\s*(.+)$/i;

/**
 * Reads an article from bytes: plain text, Markdown, HTML (main text only) or the seed format.
 * Every refusal is a value with a sentence saying why, so a batch can report it and go on.
 */
export function readArticle(bytes: Uint8Array, name = ''): ReadOutcome {
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return decoded;
  return readArticleText(decoded.text, name, decoded.encoding);
}

export function readArticleText(raw: string, name = '', encoding = 'utf-8'): ReadOutcome {
  const format = detectFormat(raw, name);
  let article: Article;
  if (format === 'html') {
    const h = readHtml(raw);
    article = {
      text: h.text,
      title: h.title,
      url: h.url,
      published: toPartialDate(h.published),
      declaredLanguage: h.lang?.slice(0, 2).toLowerCase(),
      format,
      encoding,
    };
  } else if (format === 'markdown') {
    const m = readMarkdown(raw);
    article = {
      text: m.text,
      title: m.title,
      url: m.url,
      published: toPartialDate(m.published),
      declaredLanguage: m.lang?.slice(0, 2).toLowerCase(),
      format,
      encoding,
    };
  } else if (format === 'seed') {
    const m = SEED_HEADER.exec(raw) as RegExpExecArray;
    article = { text: paragraphs(raw.slice(m[0].length)), published: toPartialDate(m[1]), format, encoding };
  } else {
    article = { ...readPlainHeader(raw), format, encoding };
  }
  const problem = notAnArticle(article.text);
  if (problem) return { ok: false, problem };
  return { ok: true, article };
}

export function detectFormat(raw: string, name: string): ArticleFormat {
  const ext = extname(name).toLowerCase();
  if (SEED_HEADER.test(raw)) return 'seed';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const head = raw.slice(0, 2000).trimStart().toLowerCase();
  if (
    /^(<!doctype html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)/.test(head) ||
    (/<(p|div|article|body)[\s>]/.test(head) && /<\/(p|div|article|body)>/.test(raw.slice(0, 20000).toLowerCase()))
  )
    return 'html';
  if (/^---\n[\s\S]*?\n---/.test(raw.replace(/\r\n?/g, '\n')) || /^#{1,3} \S/m.test(raw.slice(0, 500)))
    return 'markdown';
  return 'text';
}

function readPlainHeader(raw: string): Pick<Article, 'text' | 'title' | 'url' | 'published' | 'declaredLanguage'> {
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const blank = text.search(/\n\s*\n/);
  const headLines = (blank < 0 ? text : text.slice(0, blank)).split('\n');
  const out: Pick<Article, 'text' | 'title' | 'url' | 'published' | 'declaredLanguage'> = { text: '' };
  if (blank > 0 && headLines.length <= 6 && headLines.every((l) => TEXT_HEADER.test(l.trim()))) {
    for (const line of headLines) {
      const [, key, value] = TEXT_HEADER.exec(line.trim()) as RegExpExecArray;
      const k = (key as string).toLowerCase();
      const v = (value as string).trim();
      if (k === 'title' || k === 'titre') out.title = v;
      else if (k === 'url' || k === 'source') out.url = v;
      else if (k === 'lang' || k === 'language') out.declaredLanguage = v.slice(0, 2).toLowerCase();
      else out.published = toPartialDate(v);
    }
    out.text = paragraphs(text.slice(blank));
  } else {
    out.text = paragraphs(text);
  }
  return out;
}

/** Normalises line breaks: a blank line separates paragraphs, a single break is a space. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .replace(/[ \t]*\n[ \t]*/g, ' ')
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** A publication date as written in metadata (`2021-07-19`, an ISO instant, RFC 2822) to a PartialDate. */
export function toPartialDate(value: string | undefined): PartialDate | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(v);
  if (iso) {
    const candidate = [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
    if (PartialDate.safeParse(candidate).success) return candidate;
  }
  const ms = Date.parse(v);
  if (!Number.isNaN(ms)) return new Date(ms).toISOString().slice(0, 10);
  return undefined;
}

/** Says why a text cannot be an article (a listing, code, a data file), or nothing when it can. */
export function notAnArticle(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0) return 'no text found in the document';
  const letters = compact.replace(/[^\p{L}]+/gu, '').length;
  if (letters / compact.length < 0.6) return 'not an article: the text is mostly digits, symbols or code';
  const words = (text.match(/\p{L}{2,}\S*/gu) ?? []).length;
  if (words < MIN_ARTICLE_WORDS) return `not an article: only ${words} word${words === 1 ? '' : 's'} of text`;
  if (!/[\p{L}\p{N}»"”)][.!?…]/u.test(text)) return 'not an article: no sentence found (no full stop anywhere)';
  return undefined;
}
