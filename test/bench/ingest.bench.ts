import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/ingest/extract';
import { Ingestor } from '../../src/ingest/ingest';
import { Lexicon } from '../../src/ingest/lexicon/lexicon';
import { readArticleText } from '../../src/ingest/read/read-article';
import { loadKnowledgeBase } from '../../src/kb/load';
import { silentLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';

/**
 * Ingestion figures: extract throughput on 3 to 5 KB articles (target: 200 articles per second
 * per core), heap over many articles (target: flat), and ingestion into a real SQLite store.
 * INGEST_BENCH_ARTICLES sets how many articles the memory run reads (default 100,000).
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'articles');

/** Articles of 3 to 5 KB in one language each, made of the development set's stories, each with its own date. */
function articles(count: number): string[] {
  const out: string[] = [];
  for (const lang of ['fr', 'en']) {
    const stories = readdirSync(FIXTURES)
      .filter((f) => f.startsWith(lang) && f.endsWith('.txt'))
      .map((f) =>
        readFileSync(join(FIXTURES, f), 'utf8')
          .split(/\n\s*\n/)
          .slice(1)
          .join('\n\n'),
      );
    for (let i = 0; out.length < count && i < count; i++) {
      const target = 3000 + ((i * 397) % 2000);
      let text = '';
      for (let j = i; text.length < target; j += 3) text += `${stories[j % stories.length]}\n\n`;
      const day = new Date(Date.UTC(2012, 0, 1) + ((i * 7919) % 4800) * 86_400_000).toISOString().slice(0, 10);
      out.push(`Date: ${day}\n\n${text.slice(0, 5000)}`);
      if (out.length >= count / 2 && lang === 'fr') break;
    }
  }
  return out;
}

function gcHeapMb(): number {
  (global as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10;
}

export async function bench(): Promise<Record<string, string | number>> {
  const kb = loadKnowledgeBase();
  const lex = new Lexicon(kb.actors, kb.incidents);
  const pool = articles(400);
  const avgKb = pool.reduce((n, a) => n + Buffer.byteLength(a), 0) / pool.length / 1024;
  const run = (text: string) => {
    const r = readArticleText(text, 'bench.txt');
    if (r.ok) extract(r.article, lex);
  };
  for (let i = 0; i < 200; i++) run(pool[i % pool.length] as string);

  const n = 2000;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) run(pool[i % pool.length] as string);
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;

  const total = Number(process.env.INGEST_BENCH_ARTICLES ?? 100_000);
  const heap: number[] = [gcHeapMb()];
  const step = Math.max(1, Math.floor(total / 10));
  const tm = process.hrtime.bigint();
  for (let i = 1; i <= total; i++) {
    run(pool[i % pool.length] as string);
    if (i % step === 0) heap.push(gcHeapMb());
  }
  const memoryRunS = Number(process.hrtime.bigint() - tm) / 1e9;

  // Through the store: a real SQLite file, every article new.
  const app = await openTempApp();
  let stored = 0;
  let developments = 0;
  const ts = process.hrtime.bigint();
  try {
    const ingestor = new Ingestor(app.briefing, () => new Date(), silentLogger);
    for (let i = 0; i < 300; i++) {
      const text = (pool[i] as string).replace(/^Date: /, `Date: `) + `\n\nRéférence de dépêche ${i}.`;
      const r = await ingestor.ingest({ bytes: Buffer.from(text), name: `bench-${i}.txt` });
      if (r.status === 'added') {
        stored++;
        developments += r.developments + r.merged;
      }
    }
  } finally {
    await app.dispose();
  }
  const storeS = Number(process.hrtime.bigint() - ts) / 1e9;

  return {
    'extract: article size (KB, mean)': avgKb.toFixed(1),
    'extract: articles/s (one thread, wall clock)': Math.round(n / wallS),
    'extract: articles per CPU-second (all threads)': Math.round(n / cpuS),
    'extract: ms per article (wall)': ((wallS * 1000) / n).toFixed(2),
    [`memory: heap MB every ${step} articles (after GC)`]: heap.join(' '),
    [`memory: heap growth over ${total} articles (MB)`]: (
      (heap[heap.length - 1] as number) - (heap[1] ?? (heap[0] as number))
    ).toFixed(1),
    'memory: run time (s)': memoryRunS.toFixed(0),
    'ingest into SQLite: articles/s': (stored / storeS).toFixed(1),
    'ingest into SQLite: developments recorded': developments,
  };
}
