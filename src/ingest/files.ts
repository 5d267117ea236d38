import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File types read as articles when a directory is walked; a file named explicitly is always tried. */
export const ARTICLE_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

export type FileEntry = { path: string } | { path: string; problem: string };

/**
 * The article files under the given paths, in a stable order: directories are walked
 * (hidden entries skipped), files named explicitly are kept whatever their extension.
 */
export async function* articleFiles(paths: string[]): AsyncGenerator<FileEntry> {
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      yield {
        path: p,
        problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message,
      };
      continue;
    }
    if (info.isDirectory()) yield* walk(p);
    else yield { path: p };
  }
}

async function* walk(dir: string): AsyncGenerator<FileEntry> {
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
    let info;
    try {
      info = await stat(full);
    } catch {
      continue;
    }
    if (info.isDirectory()) yield* walk(full);
    else if (info.isFile() && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) yield { path: full };
  }
}
