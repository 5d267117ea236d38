import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run eval`: runs every test/eval/*.eval.ts module and prints its quality figures. */
async function main(): Promise<void> {
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith('.eval.ts'))
    .sort();
  for (const file of modules) {
    process.stdout.write(`\n== ${file}\n`);
    try {
      const mod = (await import(join(__dirname, file))) as { evaluate: () => Promise<Record<string, string | number>> };
      const figures = await mod.evaluate();
      for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(52)} ${v}\n`);
    } catch (e) {
      process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  }
}

void main();
