import { parseHTML } from 'linkedom';

/** The few DOM members we touch; the project compiles without the DOM lib. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomDocument {
  body: DomNode | null;
  documentElement: DomNode & { getAttribute(name: string): string | null };
  querySelector(
    sel: string,
  ): (DomNode & { getAttribute(name: string): string | null; textContent: string | null }) | null;
  querySelectorAll(
    sel: string,
  ): ArrayLike<DomNode & { getAttribute(name: string): string | null; textContent: string | null }>;
}

export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'HEAD',
  'OBJECT',
  'CANVAS',
  'FORM',
  'BUTTON',
  'SELECT',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'MAIN',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'ADDRESS',
]);

/**
 * Plain text of an HTML fragment or page, with paragraph breaks kept: sentence splitting
 * downstream needs to know where a heading or a paragraph ended, which `textContent` loses.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const doc = parseDocument(/<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  return nodeText(doc.body ?? doc.documentElement);
}

export function nodeText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i += 1) walk(kids[i]!);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return tidy(parts.join(''));
}

/** Collapses runs of spaces inside lines and keeps at most one blank line between paragraphs. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
