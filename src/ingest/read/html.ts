import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlReading {
  text: string;
  title?: string;
  /** As found in the page (ISO instant or date); the caller validates it. */
  published?: string;
  lang?: string;
  url?: string;
}

/** Elements whose text is never part of an article. */
const DROP = 'script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button';
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TABLE',
  'FIGCAPTION',
  'FIGURE',
  'DD',
  'DT',
  'HR',
  'BR',
  'HEADER',
  'FOOTER',
]);

/** Rough DOM shape shared by linkedom's nodes, enough to walk text without the DOM lib types. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}

/**
 * The main text of a web page, boilerplate dropped (Mozilla Readability, the engine of Firefox's
 * reader view, over linkedom's DOM), with paragraph breaks kept so sentences do not run together.
 */
export function readHtml(html: string): HtmlReading {
  const { document } = parseHTML(html) as unknown as {
    document: DomElement & { documentElement: DomElement; title: string };
  };
  const meta = (sel: string): string | undefined =>
    document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publish-date"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="DC.date.issued"]') ??
    meta('meta[name="dc.date"]') ??
    jsonLdDate(document) ??
    (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined);
  const lang = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  const url =
    meta('meta[property="og:url"]') ??
    (document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || undefined);
  const pageTitle = meta('meta[property="og:title"]') ?? (document.title?.trim() || undefined);

  let text = '';
  let title = pageTitle;
  try {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    if (article?.content) {
      text = blockText(
        parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode,
      );
      title = article.title?.trim() || title;
    }
  } catch {
    // Readability gives up on odd markup; the plain body text below is the fallback.
  }
  if (text.trim().length === 0) {
    const { document: again } = parseHTML(html) as unknown as { document: DomElement & { body: DomElement | null } };
    const nodes = again.querySelectorAll(DROP);
    for (let i = nodes.length - 1; i >= 0; i--) nodes[i]?.remove();
    text = again.body ? blockText(again.body) : '';
  }
  return { text, title, published, lang, url };
}

function jsonLdDate(document: DomElement): string | undefined {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(scripts[i]?.textContent ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Text of a subtree with a blank line between blocks, script and style never included. */
function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCK.has(name);
    if (block) out.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}
