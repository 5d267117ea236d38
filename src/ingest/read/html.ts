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
  children: ArrayLike<DomElement>;
  firstChild: DomNode | null;
  ownerDocument: { createElement(name: string): DomElement };
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  removeChild(node: DomNode): void;
  appendChild(node: DomNode): void;
  remove(): void;
}

/**
 * Deepest element nesting kept as it is. Readability's cost grows much faster than the page with
 * nesting (1,000 nested divs took 8 s, 16,000 overflowed the stack), while real articles stay
 * far below this: an element this deep has its subtree replaced by its text, in paragraphs.
 */
export const MAX_HTML_DEPTH = 64;

/**
 * The main text of a web page, boilerplate dropped (Mozilla Readability, the engine of Firefox's
 * reader view, over linkedom's DOM), with paragraph breaks kept so sentences do not run together.
 */
export function readHtml(html: string): HtmlReading {
  const { document } = parseHTML(html) as unknown as {
    document: DomElement & { documentElement: DomElement; title: string };
  };
  if (document.documentElement) capDepth(document.documentElement);
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
    if (again.body) capDepth(again.body);
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

/**
 * Flattens every element found at MAX_HTML_DEPTH: its subtree becomes paragraphs of its text.
 * Walked with an explicit stack, since the point is to survive a depth that recursion would not.
 */
export function capDepth(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth >= MAX_HTML_DEPTH) {
      if (el.children.length > 0) flatten(el);
      continue;
    }
    for (let i = 0; i < el.children.length; i++) stack.push([el.children[i]!, depth + 1]);
  }
  return deepest;
}

function flatten(el: DomElement): void {
  const paragraphs = blockText(el).split('\n\n');
  while (el.firstChild) el.removeChild(el.firstChild);
  for (const text of paragraphs) {
    if (!text) continue;
    const p = el.ownerDocument.createElement('p');
    p.textContent = text;
    el.appendChild(p);
  }
}

/** Text of a subtree with a blank line between blocks, script and style never included (no recursion: any depth). */
function blockText(root: DomNode): string {
  const out: string[] = [];
  // A node to visit, or the marker that a block element ends here.
  const stack: (DomNode | 'end-block')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      out.push('\n\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') continue;
    const block = BLOCK.has(name);
    if (block) {
      out.push('\n\n');
      stack.push('end-block');
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as DomNode);
  }
  return out
    .join('')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}
