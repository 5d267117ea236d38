import { parse as parseYaml } from 'yaml';

export interface MarkdownReading {
  text: string;
  title?: string;
  published?: string;
  url?: string;
  lang?: string;
}

/**
 * Markdown to plain paragraphs: front matter read for its metadata, markup dropped, link texts
 * kept. Only what news exports use; a full CommonMark parser would buy nothing here.
 */
export function readMarkdown(source: string): MarkdownReading {
  let body = source.replace(/\r\n?/g, '\n');
  const out: MarkdownReading = { text: '' };
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    try {
      const data = parseYaml(fm[1] ?? '') as Record<string, unknown> | null;
      if (data && typeof data === 'object') {
        const str = (k: string): string | undefined => {
          const v = data[k];
          if (typeof v === 'string' && v.trim()) return v.trim();
          if (typeof v === 'number') return String(v);
          if (v instanceof Date) return v.toISOString();
          return undefined;
        };
        out.title = str('title');
        out.published = str('date') ?? str('published');
        out.url = str('url') ?? str('source');
        out.lang = str('lang') ?? str('language');
      }
    } catch {
      // A broken front matter is not worth refusing the article for; its text is still read.
    }
  }
  body = body.replace(/```[\s\S]*?```/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const lines = body.split('\n').map((line) => {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (!out.title && /^\s{0,3}#\s/.test(line)) out.title = inline(heading[1] ?? '');
      return `\n${inline(heading[1] ?? '')}\n`;
    }
    if (/^\s*([-*_]\s*){3,}$/.test(line)) return '';
    return inline(line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, ''));
  });
  out.text = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
  return out;
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
