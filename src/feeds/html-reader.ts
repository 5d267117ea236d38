import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ArticleText, readArticleHtml } from './article-text';

export type HtmlRead = { ok: true; page: ArticleText } | { ok: false; reason: string };

/** Reads a fetched page's main text. The feed poller in `serve` uses a pool of workers; the CLI reads inline. */
export interface HtmlReader {
  read(html: string): Promise<HtmlRead>;
  close(): Promise<void>;
}

/** Reads on the calling thread: fine for a one-shot command, where nothing else waits. */
export const inlineHtmlReader: HtmlReader = {
  read: async (html) => {
    try {
      return { ok: true, page: readArticleHtml(html) };
    } catch (e) {
      return { ok: false, reason: `the page could not be read: ${(e as Error).message}` };
    }
  },
  close: async () => undefined,
};

/** Time one page may take to read; a page over it is refused and its worker replaced. */
export const HTML_READ_BUDGET_MS = 2000;

interface Task {
  id: number;
  html: string;
  resolve: (r: HtmlRead) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

type WorkerMessage =
  { ready: true } | { id: number; ok: true; page: ArticleText } | { id: number; ok: false; reason: string };

/**
 * Reads pages in a small pool of worker threads, so that a page that is slow to parse (deep
 * nesting, a huge DOM) never holds the event loop that answers /healthz, Slack and Teams. Each
 * page has a time budget: past it the worker is terminated (the only way to stop synchronous
 * code) and the page refused with the reason; a fresh worker takes its place on the next page.
 *
 * node's worker_threads directly: piscina, the usual pool, pulls in a native module (@napi-rs/nice).
 */
export class HtmlReaderPool implements HtmlReader {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private readonly size: number;
  private readonly budgetMs: number;
  private readonly script: string;
  private nextId = 0;
  private closed = false;

  constructor(opts: { size?: number; budgetMs?: number; script?: string } = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(2, availableParallelism() - 1));
    this.budgetMs = opts.budgetMs ?? HTML_READ_BUDGET_MS;
    this.script = opts.script ?? join(__dirname, `html-reader-worker${extname(__filename)}`);
  }

  read(html: string): Promise<HtmlRead> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'the reader is shut down' });
    return new Promise((resolve) => {
      this.queue.push({ id: ++this.nextId, html, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve({ ok: false, reason: 'the reader is shut down' });
    await Promise.all([...this.slots].map((s) => this.retire(s, { ok: false, reason: 'the reader is shut down' })));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((s) => s.ready && !s.task);
      if (!idle) {
        if (this.slots.size < this.size) this.spawn();
        return;
      }
      const task = this.queue.shift()!;
      idle.task = task;
      idle.worker.ref();
      idle.timer = setTimeout(() => {
        void this.retire(idle, {
          ok: false,
          reason: `reading the page took longer than ${this.budgetMs / 1000} s; refused`,
        }).then(() => this.dispatch());
      }, this.budgetMs);
      idle.worker.postMessage({ id: task.id, html: task.html });
    }
  }

  private spawn(): void {
    // Under ts-node or ts-jest the worker is TypeScript, which a bare worker cannot load by itself.
    const worker = this.script.endsWith('.ts')
      ? new Worker(
          `require(${JSON.stringify(require.resolve('ts-node/register/transpile-only'))}); require(${JSON.stringify(this.script)});`,
          { eval: true, resourceLimits: LIMITS },
        )
      : new Worker(this.script, { resourceLimits: LIMITS });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        slot.ready = true;
      } else if (slot.task && m.id === slot.task.id) {
        clearTimeout(slot.timer);
        const task = slot.task;
        slot.task = undefined;
        worker.unref();
        task.resolve(m.ok ? { ok: true, page: m.page } : { ok: false, reason: m.reason });
      }
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash in the parser) costs its page, never the process.
    const lost = (why: string) => {
      void this.retire(slot, { ok: false, reason: `the page could not be read: ${why}` }).then(() => this.dispatch());
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`reader exited with code ${code}`));
  }

  private async retire(slot: Slot, outcome: HtmlRead): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    slot.task?.resolve(outcome);
    slot.task = undefined;
    await slot.worker.terminate();
  }
}

/** A page that needs more than this is not an article; the worker dies alone (ERR_WORKER_OUT_OF_MEMORY). */
const LIMITS = { maxOldGenerationSizeMb: 512, stackSizeMb: 8 };
