import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { HttpServer } from '../../adapters/server/http-server';
import { mountTeams } from '../../adapters/server/mount-teams';
import { loadCoreConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { BriefingService } from '../../src/service/briefing-service';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { composeQuery, message } from '../teams/support/activities';
import { cardsOf } from '../teams/support/cards';
import { ConnectorStub } from '../teams/support/connector-stub';
import { round, percentile } from './stats';
import { BENCH_DIR, BENCH_SIZE, buildSyntheticStore } from './synthetic-store';

const WARMUP = 50;
const RUNS = 1000;

/**
 * Teams over loopback against the bench store: a `wannacry` message activity POSTed to
 * /api/messages (dev mode: no token check), timed until the Bot Connector stand-in has recorded
 * the reply card; and the compose extension's `wanna` query, timed to its invoke response.
 */
export async function bench(): Promise<Record<string, string | number>> {
  const url = await buildSyntheticStore(BENCH_DIR, BENCH_SIZE);
  const kv = await openKv(url);
  const briefing = await BriefingService.openLoaded(new KeyvIncidentStore(kv));
  const env = { CYBERBRIEF_STORE: url, CYBERBRIEF_TEAMS_DEV: '1' };
  const http = new HttpServer(silentLogger);
  const connector = await ConnectorStub.start();
  mountTeams(http, { app: { briefing, kv, log: silentLogger, env, config: loadCoreConfig(env) } });
  const port = await http.listen(0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  const post = (activity: unknown) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  const toReply: number[] = [];
  const toResponse: number[] = [];
  const baseline: number[] = [];
  let cardBytes = 0;
  let title = '';
  /** One message, timed from the POST until the stand-in has recorded the bot's reply. */
  const roundTrip = async (text: string) => {
    const activity = message(text, { serviceUrl: connector.url });
    const start = performance.now();
    const replied = connector.waitFor((r) => r.replyToId === activity.id).then((r) => ({ r, at: performance.now() }));
    const res = await post(activity);
    await res.arrayBuffer();
    const responded = performance.now();
    const { r, at } = await replied;
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}`);
    // The stand-in lives in this process: keeping its recordings would load the bot's GC.
    connector.reset();
    return { reply: r.body, toReply: at - start, toResponse: responded - start };
  };
  const load = os.loadavg()[0] ?? 0;
  let cpu = 0;
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // `help` (a fixed card, no lookup) interleaved with the lookup: the SDK's and loopback's share, in the same conditions.
      const base = await roundTrip('help');
      const cpuStart = process.cpuUsage();
      const m = await roundTrip('wannacry');
      const used = process.cpuUsage(cpuStart);
      if (i >= WARMUP) {
        toReply.push(m.toReply);
        toResponse.push(m.toResponse);
        baseline.push(base.toReply);
        cpu += (used.user + used.system) / 1000;
      }
      if (i === 0) {
        const card = cardsOf(m.reply)[0];
        cardBytes = Buffer.byteLength(JSON.stringify(card));
        title = String(card?.body?.[0]?.text ?? '');
      }
    }
    const queries: number[] = [];
    for (let i = 0; i < WARMUP + RUNS / 2; i++) {
      const start = performance.now();
      const res = await post(composeQuery('wanna', { serviceUrl: connector.url }));
      await res.json();
      if (i >= WARMUP) queries.push(performance.now() - start);
    }
    return {
      'store (incidents)': briefing.data.incidents.size,
      'teams wannacry message -> recorded reply p50 (ms)': round(percentile(toReply, 50), 2),
      'teams wannacry message -> recorded reply p99 (ms, target < 20)': round(percentile(toReply, 99), 2),
      'teams message HTTP response p99 (ms)': round(percentile(toResponse, 99), 2),
      'teams help message (no lookup) p99 (ms, same run)': round(percentile(baseline, 99), 2),
      'CPU per wannacry message, bot and stand-in (ms)': round(cpu / RUNS, 2),
      'load average at start (1 min, 2 cores shared)': round(load, 2),
      'teams compose query "wanna" p99 (ms)': round(percentile(queries, 99), 2),
      'reply card (bytes)': cardBytes,
      'reply title': title,
    };
  } finally {
    await http.close(1000);
    await connector.close();
    await kv.close();
  }
}
