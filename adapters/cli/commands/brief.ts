import type { Brief } from '../../../src/domain/brief';
import { MAX_QUERY_CHARS } from '../../../src/search/search-index';
import { type RegisterCommand, UsageError } from '../context';
import { jsonOption, langOption, pickLocale } from '../options';
import { renderBrief } from '../render-brief';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('brief')
    .description('brief on an incident, a threat group, a state or an organisation')
    .argument('<query...>', 'what to look up: wannacry, "microsoft exchange", lazarus, chine, 2017...')
    .addOption(langOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief brief wannacry\n  cyberbrief brief "microsoft exchange" --lang fr\n  cyberbrief brief lazarus --json\n\nExit codes: 0 found, 1 ambiguous or not found, 2 bad usage.',
    )
    .action(async (words: string[], opts: { lang?: string; json?: boolean }) => {
      const query = words.join(' ').trim();
      if (query.length === 0)
        throw new UsageError('brief: give something to look up, e.g. `cyberbrief brief wannacry`');
      if (query.length > MAX_QUERY_CHARS)
        ctx.err(`note: only the first ${MAX_QUERY_CHARS} characters of the query are used\n`);
      const app = await ctx.open();
      try {
        const brief: Brief = app.briefing.brief(query, pickLocale(opts.lang, app.config.CYBERBRIEF_LANG));
        ctx.out(opts.json ? `${JSON.stringify(brief, null, 2)}\n` : renderBrief(brief, ctx.color));
        if (brief.status !== 'found') process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
};
