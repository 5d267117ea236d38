import { performance } from 'node:perf_hooks';
import { BriefingService } from '../../src/service/briefing-service';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { BRIEF_QUERIES } from './brief-queries';
import { percentile } from './stats';

/**
 * Runs in its own process so that peak RSS is that of a serving process, not of the bench
 * that built the synthetic store. Prints one JSON line of figures.
 */
async function main(): Promise<void> {
  const url = process.argv[2] as string;
  const t0 = performance.now();
  const kv = await openKv(url);
  const service = await BriefingService.openLoaded(new KeyvIncidentStore(kv));
  const loadMs = performance.now() - t0;
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  const outcomes: string[] = [];
  for (let round = 0; round < 220; round++) {
    for (const { q, lang, kind } of BRIEF_QUERIES) {
      const s = performance.now();
      const b = service.brief(q, lang);
      const ms = performance.now() - s;
      if (round === 0) outcomes.push(`${q}:${b.status}`);
      // The first rounds warm the JIT and the per-revision actor cache; a serving process is warm.
      if (round < 20) continue;
      all.push(ms);
      (byKind[kind] ??= []).push(ms);
    }
  }
  const kinds: Record<string, number> = {};
  for (const [k, xs] of Object.entries(byKind)) kinds[k] = percentile(xs, 99);
  process.stdout.write(
    `${JSON.stringify({
      incidents: service.data.incidents.size,
      developments: service.data.developmentCount,
      loadMs,
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      kinds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      outcomes,
    })}\n`,
  );
  await kv.close();
}

void main();
