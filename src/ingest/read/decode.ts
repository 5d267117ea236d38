import iconv from 'iconv-lite';

/** Largest file read as an article: a news page with its markup stays far below this. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }
  | { ok: false; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file's bytes into text, or says plainly why it cannot be an article. Text that is not
 * valid UTF-8 is read as Windows-1252 (a superset of Latin-1): scraped French news still arrives
 * that way, and reading it as UTF-8 would turn every accent into U+FFFD.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty file' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      problem: `too large for an article (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`,
    };
  }
  const magic = knownBinary(bytes);
  if (magic) return { ok: false, problem: `not text: looks like ${magic}` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, problem: 'not text: the file holds binary data' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return finish(utf8.decode(bytes.subarray(start)), 'utf-8');
  } catch {
    return finish(iconv.decode(Buffer.from(bytes), 'win1252'), 'windows-1252');
  }
}

function finish(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'): Decoded {
  if (text.trim().length === 0) return { ok: false, problem: 'empty file (only white space)' };
  return { ok: true, text, encoding };
}

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

function knownBinary(bytes: Uint8Array): string | undefined {
  for (const [what, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return what;
  return undefined;
}

/** NUL bytes, or many control characters, in the first 8 KB: no article looks like that. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.02;
}
