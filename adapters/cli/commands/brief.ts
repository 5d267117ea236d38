import { wordsOf } from '../../../src/chat/command-words';
import { parseCommand } from '../../../src/chat/parse-command';
import type { Brief } from '../../../src/domain/brief';
import { MAX_QUERY_CHARS } from '../../../src/search/search-index';
import { cliCaller, openChat } from '../chat';
import { type CliContext, UsageError } from '../context';
import type { RegisterCommand } from '../context';
import { jsonOption, langOption, pickLocale } from '../options';
import { renderBrief } from '../render-brief';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('brief')
    .aliases(wordsOf('lookup').filter((w) => w !== 'brief'))
    .description('brief on an incident, a threat group, a state or an organisation')
    .argument('<query...>', 'what to look up: wannacry, "microsoft exchange", lazarus, chine, 2017...')
    .addOption(langOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief brief wannacry\n  cyberbrief brief "microsoft exchange" --lang fr\n  cyberbrief brief lazarus --json\n\nExit codes: 0 found, 1 ambiguous or not found, 2 bad usage.',
    )
    .action(async (words: string[], opts: { lang?: string; json?: boolean }) => {
      await printLookup(ctx, parseCommand(['brief', ...words].join(' ')), opts);
    });
};

/** A lookup request answered as `brief` prints it; anything else is a usage error. */
export async function printLookup(
  ctx: CliContext,
  req: ReturnType<typeof parseCommand>,
  opts: { lang?: string; json?: boolean },
): Promise<void> {
  if (req.kind !== 'lookup' || req.query.trim() === '')
    throw new UsageError('brief: give something to look up, e.g. `cyberbrief brief wannacry`');
  if (req.query.length > MAX_QUERY_CHARS)
    ctx.err(`note: only the first ${MAX_QUERY_CHARS} characters of the query are used\n`);
  const app = await ctx.open();
  try {
    const locale = pickLocale(opts.lang, app.config.CYBERBRIEF_LANG);
    const chat = openChat(app, () => ctx.options.now?.() ?? new Date());
    const brief: Brief = chat.lookup(req, cliCaller(locale, app.config.CYBERBRIEF_TZ));
    ctx.out(opts.json ? `${JSON.stringify(brief, null, 2)}\n` : renderBrief(brief, ctx.color));
    if (brief.status !== 'found') process.exitCode = 1;
  } finally {
    await app.close();
  }
}
