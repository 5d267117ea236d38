import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run eval`: runs every test/eval/*.eval.ts module and prints its quality figures.
 * `npm run eval -- --held` scores only the held half of the unseen articles (ingest.eval.ts), meant
 * to be run once, after the last rule change.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith('.eval.ts'))
    .filter((f) => !args.includes('--held') || f === 'ingest.eval.ts')
    .sort();
  for (const file of modules) {
    process.stdout.write(`\n== ${file}\n`);
    try {
      const mod = (await import(join(__dirname, file))) as {
        evaluate: (args: readonly string[]) => Promise<Record<string, string | number>>;
      };
      const figures = await mod.evaluate(args);
      for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(60)} ${v}\n`);
    } catch (e) {
      process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  }
}

void main();
