import { Option } from 'commander';
import { PartialDate } from '../../../src/domain/dates';
import { extractionJson } from '../../../src/ingest/extract-json';
import { readArticleFile } from '../../../src/ingest/files';
import { Ingestor } from '../../../src/ingest/ingest';
import { MAX_ARTICLE_BYTES } from '../../../src/ingest/read/decode';
import { type RegisterCommand, UsageError } from '../context';
import { jsonOption } from '../options';
import { stripControl } from '../render-brief';

export const publishedOption = () =>
  new Option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles that carry none');

export function parsePublished(value: string | undefined): PartialDate | undefined {
  if (value === undefined) return undefined;
  const r = PartialDate.safeParse(value.trim());
  if (!r.success) throw new UsageError(`--published: "${value}" is not a date (2021-07, 2021-07-19)`);
  return r.data;
}

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('extract')
    .description('read one article (text, Markdown, HTML or seed format) and print what it says; nothing is stored')
    .argument('<file>', 'the article file')
    .addOption(publishedOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief extract article.html\n  cyberbrief extract note.txt --published 2021-07-19 --json\n\nExit codes: 0 read, 1 not an article, 2 bad usage.',
    )
    .action(async (file: string, opts: { published?: string; json?: boolean }) => {
      const published = parsePublished(opts.published);
      const read = await readArticleFile(file, MAX_ARTICLE_BYTES);
      if (!read.ok) {
        // A folder, a device or a missing file is a wrong argument (exit 2); a file too large is not an article (exit 1).
        if (read.usage)
          throw new UsageError(
            `extract: ${file}: ${read.problem}${/folder/.test(read.problem) ? ' (ingest reads folders)' : ''}`,
          );
        ctx.err(`${file}: ${read.problem}\n`);
        process.exitCode = 1;
        return;
      }
      const bytes = read.bytes;
      const app = await ctx.open();
      try {
        const ingestor = new Ingestor(app.briefing, ctx.options.now, app.log);
        const r = ingestor.read({ bytes, name: file, published });
        if (!r.ok) {
          ctx.err(`${file}: ${r.problem}\n`);
          process.exitCode = 1;
          return;
        }
        const json = extractionJson(r.extraction, ingestor.lexicon());
        if (opts.json) {
          ctx.out(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        const x = r.extraction;
        ctx.out(`language   ${x.language}${x.read ? '' : ' (not read)'}\n`);
        ctx.out(
          `published  ${x.published}${x.publishedFrom === 'article' ? '' : ` (from the ${x.publishedFrom === 'caller' ? '--published option' : 'clock'})`}\n`,
        );
        for (const i of json.incidents)
          ctx.out(`incident   ${i.id} ${i.match === 'new' ? '(new) ' : ''}${stripControl(i.name)}\n`);
        if (json.actors.length > 0) ctx.out(`actors     ${json.actors.map((a) => a.id).join(', ')}\n`);
        for (const d of json.developments) {
          const parties = [
            d.by.length > 0 ? `by ${d.by.join(', ')}` : '',
            d.against.length > 0 ? `against ${d.against.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(' ');
          ctx.out(
            `\n${d.date.padEnd(10)} ${d.type}${parties ? ` ${parties}` : ''} [${d.incidents.join(', ')}]\n           ${stripControl(d.evidence)}\n`,
          );
        }
        for (const n of x.notes) ctx.out(`note: ${stripControl(n)}\n`);
      } finally {
        await app.close();
      }
    });
};
