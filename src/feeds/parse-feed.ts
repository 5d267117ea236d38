import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText, tidy } from './html-text';

export interface FeedItem {
  /** Stable identity inside its feed: guid or id, else link, else a hash of title and date. */
  key: string;
  url?: string;
  title: string;
  /** Plain text of the description or summary. */
  summary: string;
  /** Plain text of the full content when the feed carries it (content:encoded, Atom content, content_html). */
  content?: string;
  /** ISO instant. */
  published?: string;
  language?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  language?: string;
  items: FeedItem[];
}

export type FeedParse = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

const ARRAYS = new Set(['item', 'entry', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Entity declarations are a classic way to make a small XML file expand without bound.
  processEntities: {
    enabled: true,
    maxEntityCount: 50,
    maxEntitySize: 2000,
    maxTotalExpansions: 5000,
    maxExpandedLength: 500_000,
  },
  isArray: (name: string) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

/** Reads RSS 2.0 (and 0.9x), RSS 1.0/RDF, Atom 1.0 or JSON Feed 1.x. Malformed input is a value, not an exception. */
export function parseFeed(text: string, baseUrl?: string): FeedParse {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return parseJsonFeed(body, baseUrl);
  if (!body.startsWith('<')) return { ok: false, error: 'neither XML nor JSON' };
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { ok: false, error: `malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  let doc: Node;
  try {
    doc = parser.parse(body) as Node;
  } catch (e) {
    return { ok: false, error: `unreadable XML: ${(e as Error).message}` };
  }
  const rss = obj(doc.rss);
  if (rss) return { ok: true, feed: readRss(obj(rss.channel) ?? {}, 'rss', baseUrl) };
  const atom = obj(doc.feed);
  if (atom) return { ok: true, feed: readAtom(atom, baseUrl) };
  const rdf = obj(doc['rdf:RDF']);
  if (rdf) return { ok: true, feed: readRss({ ...(obj(rdf.channel) ?? {}), item: rdf.item }, 'rdf', baseUrl) };
  return {
    ok: false,
    error: `not a feed (root element ${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? 'missing'})`,
  };
}

function readRss(channel: Node, format: 'rss' | 'rdf', base: string | undefined): ParsedFeed {
  const language = lang(str(channel.language) ?? str(channel['dc:language']));
  const items = arr(channel.item).map((raw): FeedItem => {
    const it = obj(raw) ?? {};
    const url = httpUrl(
      str(it.link) ?? (attr(it.guid, 'isPermaLink') !== 'false' ? str(it.guid) : undefined) ?? attr(it, 'rdf:about'),
      base,
    );
    const title = plain(str(it.title));
    const published = instant(str(it.pubDate) ?? str(it['dc:date']));
    const content = plain(str(it['content:encoded']));
    return {
      key: str(it.guid) ?? url ?? hashKey(title, published),
      url,
      title,
      summary: plain(str(it.description)),
      content: content || undefined,
      published,
      language: lang(str(it['dc:language'])) ?? language,
    };
  });
  return { format, title: plain(str(channel.title)), language, items };
}

function readAtom(feed: Node, base: string | undefined): ParsedFeed {
  const language = lang(attr(feed, 'xml:lang'));
  const items = arr(feed.entry).map((raw): FeedItem => {
    const e = obj(raw) ?? {};
    const links = arr(e.link).map((l) => obj(l) ?? {});
    const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
    const url = httpUrl(
      alternate ? attr(alternate, 'href') : undefined,
      attr(e, 'xml:base') ?? attr(feed, 'xml:base') ?? base,
    );
    const title = atomText(e.title);
    const published = instant(str(e.published) ?? str(e.updated));
    const content = atomText(e.content);
    return {
      key: str(e.id) ?? url ?? hashKey(title, published),
      url,
      title,
      summary: atomText(e.summary),
      content: content || undefined,
      published,
      language: lang(attr(e, 'xml:lang')) ?? language,
    };
  });
  return { format: 'atom', title: atomText(feed.title), language, items };
}

function parseJsonFeed(body: string, base: string | undefined): FeedParse {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `malformed JSON: ${(e as Error).message}` };
  }
  const feed = obj(doc);
  if (!feed || !/^https?:\/\/jsonfeed\.org\/version\//.test(str(feed.version) ?? ''))
    return { ok: false, error: 'JSON but not a JSON Feed (no jsonfeed.org version)' };
  const language = lang(str(feed.language));
  const items = (Array.isArray(feed.items) ? feed.items : []).map((raw): FeedItem => {
    const it = obj(raw) ?? {};
    const url = httpUrl(str(it.url) ?? str(it.external_url), base);
    const title = plain(str(it.title));
    const published = instant(str(it.date_published) ?? str(it.date_modified));
    const html = str(it.content_html);
    const content = html ? htmlToText(html) : tidy(str(it.content_text) ?? '');
    return {
      key: str(it.id) ?? url ?? hashKey(title, published),
      url,
      title,
      summary: plain(str(it.summary)),
      content: content || undefined,
      published,
      language: lang(str(it.language)) ?? language,
    };
  });
  return { ok: true, feed: { format: 'json', title: plain(str(feed.title)), language, items } };
}

function obj(v: unknown): Node | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}

function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Text of an element whatever shape the parser gave it (plain string, or object with attributes). */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  const o = obj(v);
  if (o && '#text' in o) return str(o['#text']);
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function attr(v: unknown, name: string): string | undefined {
  const o = obj(v);
  const a = o?.[`@_${name}`];
  return typeof a === 'string' ? a : undefined;
}

/** Atom text constructs: text, escaped html, or inline xhtml (parsed into nested nodes). */
function atomText(v: unknown): string {
  const o = obj(v);
  if (o && attr(o, 'type') === 'xhtml') return tidy(collect(o));
  return plain(str(v));
}

function collect(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return `${v} `;
  if (Array.isArray(v)) return v.map(collect).join('');
  const o = obj(v);
  if (!o) return '';
  return Object.entries(o)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, x]) => collect(x))
    .join('');
}

/** Feed titles and descriptions often hold escaped HTML; what we keep is plain text. */
function plain(v: string | undefined): string {
  return v ? htmlToText(v) : '';
}

function instant(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function lang(v: string | undefined): string | undefined {
  const m = /^([a-z]{2,3})\b/i.exec(v?.trim() ?? '');
  return m?.[1]?.toLowerCase();
}

function httpUrl(v: string | undefined, base?: string): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function hashKey(title: string, published: string | undefined): string {
  return `h:${createHash('sha256')
    .update(`${title}\0${published ?? ''}`)
    .digest('hex')
    .slice(0, 20)}`;
}
