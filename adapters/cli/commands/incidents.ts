import { compareDates } from '../../../src/domain/dates';
import { formatPeriod } from '../../../src/brief/labels';
import type { RegisterCommand } from '../context';
import { jsonOption, langOption, pickLocale } from '../options';
import { stripControl } from '../render-brief';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('incidents')
    .description('list every incident known, oldest first')
    .addOption(langOption())
    .addOption(jsonOption())
    .action(async (opts: { lang?: string; json?: boolean }) => {
      const app = await ctx.open();
      try {
        const locale = pickLocale(opts.lang, app.config.CYBERBRIEF_LANG);
        const incidents = [...app.briefing.data.incidents.values()].sort((a, b) =>
          compareDates(a.period.start, b.period.start),
        );
        if (opts.json) {
          const rows = incidents.map((i) => ({
            id: i.id,
            name: i.name[locale],
            type: i.type,
            period: i.period,
            origin: i.origin,
            developments: app.briefing.data.developmentsOf(i.id).length,
          }));
          ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const i of incidents)
          ctx.out(`${formatPeriod(i.period, locale).padEnd(34)} ${i.id.padEnd(34)} ${stripControl(i.name[locale])}\n`);
        ctx.out(`${incidents.length} incidents\n`);
      } finally {
        await app.close();
      }
    });
};
