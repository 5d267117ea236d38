import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../src/package-root';
import { BriefingService } from '../../src/service/briefing-service';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { BENCH_DIR, BENCH_SIZE, buildSyntheticStore } from './synthetic-store';
import { mb, percentile, round } from './stats';

const QUERIES: { q: string; lang: 'en' | 'fr'; kind: string }[] = [
  { q: 'wannacry', lang: 'en', kind: 'exact' },
  { q: 'microsoft exchange', lang: 'fr', kind: 'exact' },
  { q: 'Operation amber basalt', lang: 'en', kind: 'words' },
  { q: 'wanacry', lang: 'en', kind: 'fuzzy' },
  { q: 'notpetia', lang: 'fr', kind: 'fuzzy' },
  { q: 'visioconférence', lang: 'fr', kind: 'french' },
  { q: 'Corée du Nord', lang: 'fr', kind: 'french' },
  { q: 'chine', lang: 'fr', kind: 'french' },
  { q: 'lazarus', lang: 'en', kind: 'actor' },
  { q: 'russia', lang: 'en', kind: 'actor' },
  { q: '2017', lang: 'en', kind: 'year' },
];

export async function bench(): Promise<Record<string, string | number>> {
  const t0 = performance.now();
  const url = await buildSyntheticStore(BENCH_DIR, BENCH_SIZE);
  const buildMs = performance.now() - t0;

  // Cold start: a fresh process of the built CLI, from exec to the first brief printed.
  const root = packageRoot();
  const cli = join(root, 'dist', 'adapters', 'cli', 'main.js');
  if (!existsSync(cli)) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, [cli, 'brief', 'wannacry', '--json'], { env: { ...process.env, CYBERBRIEF_STORE: url, CYBERBRIEF_LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    colds.push(performance.now() - s);
    if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  }

  const kv = await openKv(url);
  const loadStart = performance.now();
  const service = await BriefingService.openLoaded(new KeyvIncidentStore(kv));
  const loadMs = performance.now() - loadStart;
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (let round_ = 0; round_ < 200; round_++) {
    for (const { q, lang, kind } of QUERIES) {
      const s = performance.now();
      service.brief(q, lang);
      const ms = performance.now() - s;
      if (round_ >= 10) {
        all.push(ms);
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      }
    }
  }
  const statuses = QUERIES.map(({ q, lang }) => `${q}:${service.brief(q, lang).status}`).join(' ');
  global.gc?.();
  const figures: Record<string, string | number> = {
    'store (incidents / developments)': `${service.data.incidents.size} / ${service.data.developmentCount}`,
    'store build, first run only (s)': round(buildMs / 1000, 1),
    'load store into memory, in-process (ms)': round(loadMs, 0),
    'cold start to first brief, CLI process (ms, best of 3)': round(Math.min(...colds), 0),
    'brief latency p50 (ms)': round(percentile(all, 50), 3),
    'brief latency p99 (ms)': round(percentile(all, 99), 3),
  };
  for (const [kind, xs] of byKind) figures[`  ${kind} p99 (ms)`] = round(percentile(xs, 99), 3);
  figures['peak RSS (MB)'] = mb(process.resourceUsage().maxRSS * 1024);
  figures['heap used after load (MB)'] = mb(process.memoryUsage().heapUsed);
  figures['outcomes'] = statuses;
  await kv.close();
  return figures;
}
