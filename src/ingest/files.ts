import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File types read as articles when a directory is walked; a file named explicitly is always tried. */
export const ARTICLE_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

export type FileEntry = { path: string } | { path: string; problem: string };

/**
 * The article files under the given paths, in a stable order: directories are walked (hidden
 * entries skipped), files named explicitly are kept whatever their extension. Only regular files
 * are articles: a device (/dev/zero), a FIFO or a socket is refused by its type, never opened.
 * A symbolic link is followed, and a folder reached twice (a link back up the tree) is walked once.
 */
export async function* articleFiles(paths: string[]): AsyncGenerator<FileEntry> {
  const seen = new Set<string>();
  for (const p of paths) {
    let info: Stats;
    try {
      info = await stat(p);
    } catch (e) {
      yield { path: p, problem: statProblem(e) };
      continue;
    }
    if (info.isDirectory()) yield* walk(p, info, seen);
    else if (info.isFile()) yield { path: p };
    else yield { path: p, problem: notRegular(info) };
  }
}

async function* walk(dir: string, info: Stats, seen: Set<string>): AsyncGenerator<FileEntry> {
  const id = `${info.dev}:${info.ino}`;
  if (seen.has(id)) return;
  seen.add(id);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e) {
    yield { path: dir, problem: (e as Error).message };
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    let entry: Stats;
    try {
      entry = await lstat(full);
      if (entry.isSymbolicLink()) entry = await stat(full);
    } catch (e) {
      // A dangling link or a loop of links: said, not walked.
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') yield { path: full, problem: statProblem(e) };
      continue;
    }
    const wanted = ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
    if (entry.isDirectory()) yield* walk(full, entry, seen);
    else if (entry.isFile()) {
      if (wanted) yield { path: full };
    } else if (wanted) yield { path: full, problem: notRegular(entry) };
  }
}

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; problem: string; usage?: boolean };

/**
 * Reads one article file, never more than `maxBytes` (+1 to know it was more): the type is
 * checked before opening (a FIFO would block the open, /dev/zero never ends) and again on the
 * open file, and the size is what was read, not what stat claims.
 */
export async function readArticleFile(path: string, maxBytes: number): Promise<FileRead> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (e) {
    return { ok: false, problem: statProblem(e), usage: true };
  }
  if (info.isDirectory()) return { ok: false, problem: 'is a folder, not an article file', usage: true };
  if (!info.isFile()) return { ok: false, problem: notRegular(info), usage: true };
  if (info.size > maxBytes) return { ok: false, problem: tooLarge(info.size, maxBytes, true) };
  // O_NONBLOCK: should the name have become a FIFO since the check, the open does not wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const again = await handle.stat();
    if (!again.isFile()) return { ok: false, problem: notRegular(again), usage: true };
    const chunks: Buffer[] = [];
    let size = 0;
    while (size <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(256 * 1024, maxBytes + 1 - size));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      size += bytesRead;
    }
    if (size > maxBytes) return { ok: false, problem: tooLarge(size, maxBytes, false) };
    return { ok: true, bytes: Buffer.concat(chunks, size) };
  } finally {
    await handle.close();
  }
}

/** Why a path that exists is not a regular file, in the user's words. */
function notRegular(info: Stats): string {
  const kind = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isSocket()
        ? 'a socket'
        : info.isDirectory()
          ? 'a folder'
          : 'not a regular file';
  return `${kind === 'not a regular file' ? kind : `is ${kind}`}, not a regular file; only article files are read`;
}

function statProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message;
}

function tooLarge(size: number, max: number, known: boolean): string {
  const limit = max / 1048576;
  return `too large for an article (${known ? `${(size / 1048576).toFixed(1)} MB` : `over ${limit} MB`}; the limit is ${limit} MB)`;
}
