// Plain JavaScript over the built dist/, so the measured process is what production runs:
// no TypeScript compiler in memory to inflate its RSS or its start.
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const root = join(__dirname, '..', '..');
const { BriefingService } = require(join(root, 'dist/src/service/briefing-service'));
const { KeyvIncidentStore } = require(join(root, 'dist/src/store/incident-store'));
const { openKv } = require(join(root, 'dist/src/store/kv'));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const url = process.argv[2];
  const queries = JSON.parse(process.argv[3]);
  const t0 = performance.now();
  const kv = await openKv(url);
  const service = await BriefingService.openLoaded(new KeyvIncidentStore(kv));
  const loadMs = performance.now() - t0;
  const byKind = {};
  const all = [];
  const outcomes = [];
  for (let round = 0; round < 220; round++) {
    for (const { q, lang, kind } of queries) {
      const s = performance.now();
      const b = service.brief(q, lang);
      const ms = performance.now() - s;
      if (round === 0) outcomes.push(`${q}:${b.status}`);
      // The first rounds warm the JIT and the per-revision actor cache, as in a serving process.
      if (round < 20) continue;
      all.push(ms);
      (byKind[kind] = byKind[kind] || []).push(ms);
    }
  }
  const kinds = {};
  for (const [k, xs] of Object.entries(byKind)) kinds[k] = percentile(xs, 99);
  const result = {
    incidents: service.data.incidents.size,
    developments: service.data.developmentCount,
    loadMs,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    kinds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    outcomes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await kv.close();
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exitCode = 1;
});
