import { readFile, stat } from 'node:fs/promises';
import { articleFiles } from '../../../src/ingest/files';
import { Ingestor, type IngestOutcome } from '../../../src/ingest/ingest';
import { MAX_ARTICLE_BYTES } from '../../../src/ingest/read/decode';
import { type RegisterCommand, UsageError } from '../context';
import { stripControl } from '../render-brief';
import { parsePublished, publishedOption } from './extract';

/** On a batch this large, a progress line goes to stderr every PROGRESS_EVERY files. */
const PROGRESS_EVERY = 500;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('ingest')
    .description('read articles and store their developments; a file already ingested changes nothing')
    .argument('<paths...>', 'article files or directories (walked for .txt, .md, .html files)')
    .addOption(publishedOption())
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief ingest ../shared/seeds\n  cyberbrief ingest article.html --published 2024-03-25\n\nOne line per file. Exit codes: 0 every file read, 3 some files refused, 2 bad usage.',
    )
    .action(async (paths: string[], opts: { published?: string }) => {
      const published = parsePublished(opts.published);
      if (paths.length === 0) throw new UsageError('ingest: give at least one file or directory');
      const app = await ctx.open();
      const counts = {
        files: 0,
        added: 0,
        developments: 0,
        merged: 0,
        unchanged: 0,
        nothing: 0,
        refused: 0,
        created: 0,
      };
      try {
        const ingestor = new Ingestor(app.briefing, ctx.options.now, app.log);
        for await (const entry of articleFiles(paths)) {
          counts.files++;
          if ('problem' in entry) {
            counts.refused++;
            ctx.out(`${entry.path}: refused: ${entry.problem}\n`);
            continue;
          }
          let outcome: IngestOutcome;
          try {
            const size = (await stat(entry.path)).size;
            if (size > MAX_ARTICLE_BYTES) {
              outcome = {
                status: 'refused',
                problem: `too large for an article (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`,
              };
            } else {
              outcome = await ingestor.ingest({ bytes: await readFile(entry.path), name: entry.path, published });
            }
          } catch (e) {
            // One unreadable file or failed write is reported and the batch goes on; the marker
            // is written last, so the next run finishes what this one could not.
            app.log.error('ingest.article_failed', { file: entry.path, error: e as Error });
            outcome = { status: 'refused', problem: `failed: ${(e as Error).message}` };
          }
          ctx.out(`${entry.path}: ${describe(outcome)}\n`);
          if (outcome.status === 'added') {
            counts.added++;
            counts.developments += outcome.developments;
            counts.merged += outcome.merged;
            counts.created += outcome.created.length;
          } else counts[outcome.status === 'refused' ? 'refused' : outcome.status]++;
          if (counts.files % PROGRESS_EVERY === 0) ctx.err(`… ${counts.files} files read\n`);
        }
      } finally {
        await app.close();
      }
      ctx.out(
        `${counts.files} file${counts.files === 1 ? '' : 's'}: ${counts.added} added (${counts.developments} developments, ${counts.merged} told before by another source, ${counts.created} new incident${counts.created === 1 ? '' : 's'}), ${counts.unchanged} already ingested, ${counts.nothing} with nothing to record, ${counts.refused} refused\n`,
      );
      if (counts.refused > 0) process.exitCode = 3;
    });
};

function describe(o: IngestOutcome): string {
  switch (o.status) {
    case 'added': {
      const parts = [`added ${o.developments} development${o.developments === 1 ? '' : 's'}`];
      if (o.merged > 0) parts.push(`${o.merged} already known from another source`);
      if (o.linked.length > 0) parts.push(`linked to ${o.linked.join(', ')}`);
      if (o.created.length > 0) parts.push(`new incident ${o.created.join(', ')}`);
      return stripControl(parts.join('; '));
    }
    case 'unchanged':
      return 'already ingested, nothing changed';
    case 'nothing':
      return `nothing to record (${stripControl(o.note)})`;
    case 'refused':
      return `refused: ${stripControl(o.problem)}`;
  }
}
