import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { HttpServer } from '../../adapters/server/http-server';
import { createSlackApp } from '../../adapters/slack/app';
import { boltLogger } from '../../adapters/slack/bolt-logger';
import { loadSlackConfig } from '../../adapters/slack/config';
import { silentLogger } from '../../src/log';
import { BriefingService } from '../../src/service/briefing-service';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { signatureHeaders, SIGNING_SECRET, slashCommandBody } from '../slack/support/signed';
import { BENCH_DIR, BENCH_SIZE, buildSyntheticStore } from './synthetic-store';
import { percentile, round } from './stats';

const WARMUP = 200;
const LATENCY_REQUESTS = 1_000;
const ROUNDS = 7;
const ROUND_REQUESTS = 800;
const CONCURRENCY = 16;

/**
 * Stands in for Slack's side: answers auth.test and counts response_url posts, resolving the
 * request that is waiting for each one. Kept lean (no recording) so it costs both runs little.
 */
class ResponseSink {
  private readonly waiting = new Map<string, () => void>();
  readonly server: Server;
  url = '';
  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        if (path.startsWith('/api/auth.test')) {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0TEST' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        const id = path.replace(/^\/response\//, '');
        this.waiting.get(id)?.();
        this.waiting.delete(id);
      });
    });
  }
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  expect(id: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
  forget(id: string): void {
    this.waiting.delete(id);
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

interface Run {
  ackMs: number[];
  doneMs: number[];
  seconds: number;
  briefsInAck: number;
}

interface LoadRequest {
  url: string;
  n: number;
  concurrency: number;
  /** Wait for the brief at the response URL (cyberbrief), or only for the ack (bare Bolt). */
  waitForBrief: boolean;
  /** Each request from a channel never seen before (its language must be read from the store). */
  uniqueChannels?: boolean;
}

let seq = 0;

/** Sends `n` signed `/cyberbrief wannacry` commands, `concurrency` at a time; a request is done when its brief (or, for the bare app, its ack) arrived. */
async function load(sink: ResponseSink, r: LoadRequest): Promise<Run> {
  const ackMs: number[] = [];
  const doneMs: number[] = [];
  let briefsInAck = 0;
  let next = 0;
  const one = async () => {
    const id = `b${++seq}`;
    const body = slashCommandBody({
      text: 'wannacry',
      responseUrl: `${sink.url}/response/${id}`,
      channel: r.uniqueChannels ? `C0NEW${seq}` : 'C0BENCH',
    });
    const posted = r.waitForBrief ? sink.expect(id) : Promise.resolve();
    const t0 = performance.now();
    const res = await fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body) },
      body,
    });
    const answer = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    ackMs.push(performance.now() - t0);
    if (r.waitForBrief) {
      // The brief rides in the ack when the channel's language is known; otherwise it follows at the response URL.
      if (answer.includes('"blocks"')) {
        sink.forget(id);
        briefsInAck++;
      } else await posted;
    }
    doneMs.push(performance.now() - t0);
  };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: r.concurrency }, async () => {
      while (next < r.n) {
        next++;
        await one();
      }
    }),
  );
  return { ackMs, doneMs, seconds: (performance.now() - start) / 1000, briefsInAck };
}

/**
 * Slack's side (the senders and the response URL) runs in a worker thread, so the main thread's
 * CPU is the app's alone, as it would be in production; both apps are measured the same way.
 */
if (!isMainThread && (workerData as { role?: string } | null)?.role === 'slack-load') {
  const sink = new ResponseSink();
  void sink.start().then(() => {
    parentPort!.postMessage({ ready: sink.url });
    parentPort!.on('message', (r: LoadRequest | 'close') => {
      if (r === 'close') {
        void sink.close().then(() => parentPort!.close());
        return;
      }
      load(sink, r).then(
        (run) => parentPort!.postMessage({ run }),
        (e: Error) => parentPort!.postMessage({ error: e.message }),
      );
    });
  });
}

class LoadWorker {
  private constructor(
    private readonly worker: Worker,
    readonly sinkUrl: string,
  ) {}

  static async start(): Promise<LoadWorker> {
    const worker = new Worker(`require('ts-node/register/transpile-only'); require(${JSON.stringify(__filename)});`, {
      eval: true,
      workerData: { role: 'slack-load' },
    });
    const url = await new Promise<string>((resolve, reject) => {
      worker.once('message', (m: { ready: string }) => resolve(m.ready));
      worker.once('error', reject);
    });
    return new LoadWorker(worker, url);
  }

  run(r: LoadRequest): Promise<Run> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (m: { run?: Run; error?: string }) =>
        m.run ? resolve(m.run) : reject(new Error(m.error)),
      );
      this.worker.postMessage(r);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage('close');
    await new Promise((r) => this.worker.once('exit', r));
  }
}

async function startOurs(
  briefing: BriefingService,
  kv: Awaited<ReturnType<typeof openKv>>,
  sinkUrl: string,
  cacheTtlMs?: { briefs?: number },
) {
  // cyberbrief's Slack app, mounted on the shared HTTP server exactly as `serve` mounts it.
  const config = loadSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${sinkUrl}/api/`,
  });
  const runtime = createSlackApp({
    config,
    briefing,
    subscriptions: new KeyvSubscriptionStore(kv),
    channels: new KeyvChannelSettings(kv),
    kv,
    log: silentLogger,
    defaults: { locale: 'en', timezone: 'Europe/Paris' },
    ...(cacheTtlMs ? { cacheTtlMs } : {}),
  });
  await runtime.start();
  const server = new HttpServer(silentLogger);
  runtime.mount(server);
  const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/slack/events`;
  return {
    url,
    async close() {
      await runtime.stop(1000);
      await server.close(1000);
    },
  };
}

async function startBare() {
  // The baseline: a bare Bolt app on the same kind of server whose command only acknowledges,
  // with the same Bolt settings as ours (no conversation store), so only the listener differs.
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    logger: boltLogger(silentLogger, LogLevel.ERROR),
  });
  const bare = new App({
    receiver,
    token: 'xoxb-bench',
    botId: 'BBOT0001',
    botUserId: 'UBOT0001',
    tokenVerificationEnabled: false,
    convoStore: false,
    logger: boltLogger(silentLogger, LogLevel.ERROR),
  });
  bare.command('/cyberbrief', async ({ ack }) => ack());
  const server = new HttpServer(silentLogger);
  server.route('POST', '/slack/events', (req, res) => {
    receiver.requestListener(req, res);
  });
  const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/slack/events`;
  return { url, close: () => server.close(1000) };
}

export async function bench(): Promise<Record<string, string | number>> {
  const storeUrl = await buildSyntheticStore(BENCH_DIR, BENCH_SIZE);
  const kv = await openKv(storeUrl);
  const briefing = await BriefingService.openLoaded(new KeyvIncidentStore(kv));
  const loader = await LoadWorker.start();
  const ours = await startOurs(briefing, kv, loader.sinkUrl);
  // The same app with no brief cache: every lookup composes and renders (a query nobody asked for lately).
  const uncached = await startOurs(briefing, kv, loader.sinkUrl, { briefs: 0 });
  const bare = await startBare();
  const status = briefing.brief('wannacry', 'en').status;
  try {
    const run = (url: string, n: number, concurrency: number, extra: Partial<LoadRequest> = {}) =>
      loader.run({ url, n, concurrency, waitForBrief: url !== bare.url, ...extra });
    await run(ours.url, WARMUP, 4);
    await run(uncached.url, WARMUP, 4);
    await run(bare.url, WARMUP, 4);
    // Latency: one request at a time, so a figure is one request's path, not queueing.
    const latency = await run(ours.url, LATENCY_REQUESTS, 1);
    const uncachedLatency = await run(uncached.url, LATENCY_REQUESTS, 1);
    const firstInChannel = await run(uncached.url, LATENCY_REQUESTS / 2, 1, { uniqueChannels: true });
    const bareLatency = await run(bare.url, LATENCY_REQUESTS, 1);
    // Throughput: many in flight, in short rounds that alternate the three apps, so a change in
    // the machine's load (it is shared) hits all three alike; the ratio is the median of the rounds'.
    const rounds: { ours: Run; uncached: Run; bare: Run }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({
        ours: await run(ours.url, ROUND_REQUESTS, CONCURRENCY),
        uncached: await run(uncached.url, ROUND_REQUESTS, CONCURRENCY),
        bare: await run(bare.url, ROUND_REQUESTS, CONCURRENCY),
      });
    }
    const perSecond = (r: Run) => ROUND_REQUESTS / r.seconds;
    const total = (pick: (x: (typeof rounds)[number]) => Run) =>
      (ROUNDS * ROUND_REQUESTS) / rounds.reduce((t, x) => t + pick(x).seconds, 0);
    const [ourRate, uncachedRate, bareRate] = [total((x) => x.ours), total((x) => x.uncached), total((x) => x.bare)];
    const medianRatio = (pick: (x: (typeof rounds)[number]) => Run) =>
      percentile(
        rounds.map((x) => (100 * perSecond(pick(x))) / perSecond(x.bare)),
        50,
      );
    const ms = (xs: number[], p: number) => round(percentile(xs, p));
    const tp = [rounds.flatMap((x) => x.ours.doneMs)];
    return {
      'store incidents': BENCH_SIZE.incidents,
      'wannacry lookup status': status,
      'slack /cyberbrief wannacry p50 ms (signed request to brief)': ms(latency.doneMs, 50),
      'slack /cyberbrief wannacry p99 ms (signed request to brief)': ms(latency.doneMs, 99),
      'share of briefs answered inside the ack %': round((100 * latency.briefsInAck) / LATENCY_REQUESTS, 1),
      'slack wannacry p99 ms, no brief cache': ms(uncachedLatency.doneMs, 99),
      'slack first lookup in a channel: ack p99 ms': ms(firstInChannel.ackMs, 99),
      'slack first lookup in a channel: brief posted p99 ms': ms(firstInChannel.doneMs, 99),
      'bare Bolt ack-only p99 ms': ms(bareLatency.ackMs, 99),
      [`slack /cyberbrief throughput req/s (${CONCURRENCY} in flight)`]: round(ourRate, 0),
      [`slack throughput req/s, no brief cache`]: round(uncachedRate, 0),
      [`bare Bolt ack-only throughput req/s (${CONCURRENCY} in flight)`]: round(bareRate, 0),
      'slack throughput vs bare Bolt % (median of rounds)': round(
        medianRatio((x) => x.ours),
        1,
      ),
      'slack throughput vs bare Bolt %, no brief cache (median)': round(
        medianRatio((x) => x.uncached),
        1,
      ),
      [`slack p99 ms under load (${CONCURRENCY} in flight)`]: ms(tp[0]!, 99),
    };
  } finally {
    await ours.close();
    await uncached.close();
    await bare.close();
    await loader.close();
    await kv.close();
  }
}
