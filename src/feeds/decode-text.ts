import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type BodyKind = 'xml' | 'html' | 'json' | 'text';

/**
 * Turns fetched bytes into text. Order of authority: a byte-order mark, then the HTTP charset,
 * then what the document declares about itself (XML declaration or HTML meta), then UTF-8 if
 * the bytes are valid UTF-8, else Windows-1252 (what browsers assume for unlabelled Western
 * pages, and a superset of Latin-1 for printable text).
 */
export function decodeBody(
  body: Buffer,
  contentType: string | undefined,
  kind: BodyKind,
): { text: string; charset: string } {
  const bom = bomCharset(body);
  if (bom) return { text: iconv.decode(body, bom), charset: bom };
  const candidates = [charsetFromContentType(contentType), declaredCharset(body, kind)];
  for (const c of candidates) {
    const name = c && canonical(c);
    if (name && iconv.encodingExists(name)) return { text: iconv.decode(body, name), charset: name };
  }
  if (isUtf8(body)) return { text: body.toString('utf8'), charset: 'utf-8' };
  return { text: iconv.decode(body, 'windows-1252'), charset: 'windows-1252' };
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

function bomCharset(b: Buffer): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** Looks only at the head of the document: declarations must come early, and bodies can be 5 MB. */
function declaredCharset(body: Buffer, kind: BodyKind): string | undefined {
  const head = body.subarray(0, 2048).toString('latin1');
  if (kind === 'xml' || /^\s*<\?xml/.test(head)) {
    const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
    if (m) return m[1];
  }
  if (kind === 'html' || kind === 'xml') {
    const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
    if (meta) return meta[1];
  }
  return undefined;
}

/** Labels as pages write them; latin-1 means windows-1252 on the web (WHATWG Encoding). */
function canonical(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii' || l === 'l1')
    return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  return l;
}
