import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedSink } from '../../adapters/server/feed-sink';
import { openApp } from '../../adapters/root';
import { openFeedRuntime } from '../../src/feeds/feed-runtime';
import { loadFeedsConfig } from '../../src/feeds/feeds-config';
import { pollFeeds, type FeedPollResult } from '../../src/feeds/poll';
import { silentLogger } from '../../src/log';
import { FEEDS, ITEMS, PORTS, portOf, slot } from '../feeds/support/bench-server';

const ROUNDS = 5;

/**
 * Polls FEEDS feeds of ITEMS items served by a local child process, reads every new item, and
 * ingests the relevant ones into a fresh SQLite store through the real pipeline (fetch, parse,
 * relevance, page fetch and main text, ingestion, same-story merging). Then polls again ROUNDS
 * times with nothing new (half the feeds answer 304, half resend the same body) and reports the
 * heap after each, to show memory stays flat.
 */
export async function bench(): Promise<Record<string, string | number>> {
  const server = fork(join(__dirname, '..', 'feeds', 'support', 'bench-server.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: 'ignore',
  });
  const ports = await new Promise<number[]>((resolve, reject) => {
    server.once('message', (m) => resolve((m as { ports: number[] }).ports));
    server.once('error', reject);
  });
  const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-feeds-bench-'));
  const env = {
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
    CYBERBRIEF_FEEDS: 'none',
    CYBERBRIEF_FETCH_ALLOW: '127.0.0.1',
    CYBERBRIEF_FETCH_HOST_GAP_MS: '0',
    CYBERBRIEF_LOG_LEVEL: 'silent',
  };
  // The bench items are dated 3-15 March 2025; the clock stands just after.
  const clock = () => new Date('2025-03-16T12:00:00Z');
  const app = await openApp({ env, log: silentLogger, now: clock });
  const sink = feedSink(app, clock);
  const runtime = openFeedRuntime({
    kv: app.kv,
    kb: app.kb,
    core: app.config,
    feeds: loadFeedsConfig(env),
    sink,
    log: silentLogger,
    now: clock,
  });
  try {
    for (let i = 0; i < FEEDS; i += 1) {
      const r = await runtime.store.add(
        { url: `http://127.0.0.1:${portOf(ports, slot(i, 0).outlet)}/feed/${i}.xml`, id: `bench-${i}` },
        clock(),
      );
      if (!r.ok) throw new Error(r.error);
    }
    const feeds = await runtime.followed();
    const devsBefore = app.briefing.data.developmentCount;

    const loadBefore = loadavg()[0]!;
    const t0 = performance.now();
    const first = await pollFeeds(feeds, runtime.deps, { concurrency: 16 });
    const firstMs = performance.now() - t0;
    const loadAfter = loadavg()[0]!;
    const sum = (
      rs: FeedPollResult[],
      k: 'newItems' | 'kept' | 'repeated' | 'irrelevant' | 'developments' | 'merged' | 'problems',
    ) => rs.reduce((n, r) => n + r[k], 0);

    const heaps: number[] = [];
    const repeatMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const t = performance.now();
      const rs = await pollFeeds(feeds, runtime.deps, { concurrency: 16 });
      repeatMs.push(performance.now() - t);
      if (sum(rs, 'newItems') !== 0) throw new Error(`round ${round + 2} found new items`);
      (globalThis as { gc?: () => void }).gc?.();
      heaps.push(process.memoryUsage().heapUsed / 1024 / 1024);
    }
    return {
      'feeds x items (hosts)': `${FEEDS} x ${ITEMS} (${PORTS})`,
      'first poll: total s (target < 60)': (firstMs / 1000).toFixed(1),
      'first poll: items per s': Math.round(sum(first, 'newItems') / (firstMs / 1000)),
      'first poll: new / repeated in another feed / relevant / irrelevant items': `${sum(first, 'newItems')} / ${sum(first, 'repeated')} / ${sum(first, 'kept')} / ${sum(first, 'irrelevant')}`,
      'first poll: developments added / merged into known stories': `${sum(first, 'developments')} / ${sum(first, 'merged')}`,
      'first poll: failed feeds / unreadable items': `${first.filter((r) => r.status === 'failed' || r.status === 'refused').length} / ${sum(first, 'problems')}`,
      'developments in store before / after': `${devsBefore} / ${app.briefing.data.developmentCount}`,
      'repeat polls (nothing new): s each': repeatMs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
      'heap MB after each repeat poll (gc)': heaps.map((h) => h.toFixed(1)).join(', '),
      'heap growth first->last repeat poll MB': (heaps[heaps.length - 1]! - heaps[0]!).toFixed(1),
      gc: (globalThis as { gc?: unknown }).gc ? 'exposed' : 'not exposed (run through npm run bench)',
      // A busy machine stretches every figure above: 2 cores here, shared with other work.
      'load average (1 min) before / after first poll': `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`,
    };
  } finally {
    runtime.close();
    await sink.flush?.();
    await app.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
