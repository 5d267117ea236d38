import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every test/bench/*.bench.ts module in turn and prints its figures.
 * Figures, not pass/fail: targets are compared by whoever reads them (and the closing note).
 * `npm run bench -- brief slack` runs only the modules whose names contain those words.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((w) => f.includes(w)))
    .sort();
  for (const file of modules) {
    process.stdout.write(`\n== ${file}\n`);
    try {
      const mod = (await import(join(__dirname, file))) as { bench: () => Promise<Record<string, string | number>> };
      const figures = await mod.bench();
      for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(52)} ${v}\n`);
    } catch (e) {
      process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  }
}

void main();
