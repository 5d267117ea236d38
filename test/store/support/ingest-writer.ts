/**
 * One writer process for the concurrent-ingest tests: opens the app through the composition root
 * (as `cyberbrief ingest` does), says "ready", waits for "go" on stdin so that every writer starts
 * at once, ingests the files given as arguments and prints one JSON line with what it reported.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openApp } from '../../../adapters/root';
import { Ingestor } from '../../../src/ingest/ingest';
import { silentLogger } from '../../../src/log';

void (async () => {
  const app = await openApp({ log: silentLogger });
  const ingestor = new Ingestor(app.briefing);
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  const outcomes: { file: string; status: string; developments: number }[] = [];
  for (const file of process.argv.slice(2)) {
    const o = await ingestor.ingest({ bytes: readFileSync(file), name: file });
    outcomes.push({ file, status: o.status, developments: o.status === 'added' ? o.developments : 0 });
  }
  await app.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  process.exit(0);
})().catch((e: unknown) => {
  process.stderr.write(`writer: ${(e as Error).stack}\n`);
  process.exit(70);
});
