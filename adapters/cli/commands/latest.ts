import { wordsOf } from '../../../src/chat/command-words';
import { parseCommand } from '../../../src/chat/parse-command';
import { cliCaller, openChat } from '../chat';
import type { RegisterCommand } from '../context';
import { jsonOption, langOption, pickLocale } from '../options';
import { renderLatestText } from '../render-latest';
import { printLookup } from './brief';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('latest')
    .aliases(wordsOf('latest').filter((w) => w !== 'latest'))
    .description('the newest developments recorded (as `latest` in Slack and Teams)')
    .argument('[words...]', 'none; with words, the whole text is looked up, as in chat (`latest ransomware`)')
    .addOption(langOption())
    .addOption(jsonOption())
    .action(async (words: string[], opts: { lang?: string; json?: boolean }) => {
      const req = parseCommand(['latest', ...words].join(' '));
      if (req.kind === 'lookup') return printLookup(ctx, req, opts);
      const app = await ctx.open();
      try {
        const locale = pickLocale(opts.lang, app.config.CYBERBRIEF_LANG);
        const chat = openChat(app, () => ctx.options.now?.() ?? new Date());
        const outcome = await chat.run(req, cliCaller(locale, app.config.CYBERBRIEF_TZ));
        const items = outcome.kind === 'latest' ? outcome.items : [];
        ctx.out(opts.json ? `${JSON.stringify(items, null, 2)}\n` : renderLatestText(items, locale));
      } finally {
        await app.close();
      }
    });
};
