import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../src/package-root';
import { BRIEF_QUERIES } from './brief-queries';
import { BENCH_DIR, BENCH_SIZE, buildSyntheticStore } from './synthetic-store';
import { round } from './stats';

/** Issue 3 targets: brief p99 < 5 ms in-process, cold start to first brief < 1.5 s, RSS < 300 MB. */
export async function bench(): Promise<Record<string, string | number>> {
  const t0 = performance.now();
  const url = await buildSyntheticStore(BENCH_DIR, BENCH_SIZE);
  const buildMs = performance.now() - t0;
  const root = packageRoot();
  const env = { ...process.env, CYBERBRIEF_STORE: url, CYBERBRIEF_LOG_LEVEL: 'silent' };

  // Cold start: a fresh process of the built CLI, from exec to the first brief printed.
  const cli = join(root, 'dist', 'adapters', 'cli', 'main.js');
  // Always build: the measured processes run dist/, which must be this checkout's code.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, [cli, 'brief', 'wannacry', '--json'], { env, encoding: 'utf8' });
    colds.push(performance.now() - s);
    if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  }

  const child = spawnSync(process.execPath, [join(__dirname, 'brief-child.js'), url, JSON.stringify(BRIEF_QUERIES)], {
    env,
    encoding: 'utf8',
    cwd: root,
  });
  if (child.status !== 0) throw new Error(`brief bench process failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').pop() as string) as {
    incidents: number;
    developments: number;
    loadMs: number;
    p50: number;
    p99: number;
    kinds: Record<string, number>;
    maxRssMb: number;
    outcomes: string[];
  };
  const figures: Record<string, string | number> = {
    'store (incidents / developments)': `${r.incidents} / ${r.developments}`,
    'store build, first run only (s)': round(buildMs / 1000, 1),
    'cold start to first brief, CLI process (ms, best of 3)': round(Math.min(...colds), 0),
    'load store into memory, in-process (ms)': round(r.loadMs, 0),
    'brief latency p50 (ms)': round(r.p50, 3),
    'brief latency p99 (ms)': round(r.p99, 3),
  };
  for (const [kind, p99] of Object.entries(r.kinds)) figures[`  ${kind} p99 (ms)`] = round(p99, 3);
  figures['peak RSS of the serving process (MB)'] = round(r.maxRssMb, 0);
  figures['outcomes'] = r.outcomes.join(' ');
  return figures;
}
