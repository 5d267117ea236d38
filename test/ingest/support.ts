import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Extraction, extract } from '../../src/ingest/extract';
import { Lexicon } from '../../src/ingest/lexicon/lexicon';
import { readArticleText } from '../../src/ingest/read/read-article';
import { loadKnowledgeBase } from '../../src/kb/load';
import type { KnowledgeBase } from '../../src/kb/types';

let kb: KnowledgeBase | undefined;
let lex: Lexicon | undefined;

/** The bundled knowledge base, loaded once per test file. */
export function knowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase();
  return kb;
}

/** The knowledge base as the ingestion matcher sees it. */
export function lexicon(): Lexicon {
  lex ??= new Lexicon(knowledgeBase().actors, knowledgeBase().incidents);
  return lex;
}

/** Reads a short article written for a test (plain text, with a `Date:` header when given). */
export function read(text: string, published?: string, l: Lexicon = lexicon()): Extraction {
  const r = readArticleText(published ? `Date: ${published}\n\n${text}` : text, 'test.txt');
  if (!r.ok) throw new Error(r.problem);
  return extract(r.article, l, { today: () => new Date('2024-06-01T12:00:00Z') });
}

export const SEEDS = resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

/** The seed articles, when ../shared/seeds exists (tests say plainly when it does not). */
export function seedFiles(): string[] {
  if (!existsSync(SEEDS)) return [];
  return readdirSync(SEEDS)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => join(SEEDS, f));
}

export function seed(prefix: string): { path: string; text: string } {
  const path = seedFiles().find((f) => f.split('/').pop()?.startsWith(prefix));
  if (!path) throw new Error(`no seed starting with ${prefix}`);
  return { path, text: readFileSync(path, 'utf8') };
}
