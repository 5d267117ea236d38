import { composeDigest } from '../../../src/digest/compose';
import { oneLine } from '../../../src/text/terminal-text';
import { type RegisterCommand, UsageError } from '../context';
import { jsonOption, langOption, pickLocale } from '../options';
import { renderDigest } from '../render-digest';

const DAY_MS = 24 * 3600 * 1000;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('digest')
    .description(
      'what was recorded in the store since an instant (default: the last 24 hours), ranked and grouped by incident',
    )
    .option('--since <date>', 'start: an ISO date or instant (2026-03-02, 2026-03-02T08:00+01:00) or an age (36h, 7d)')
    .addOption(langOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief digest\n  cyberbrief digest --since 2026-03-01 --lang fr\n  cyberbrief digest --since 7d --json',
    )
    .action(async (opts: { since?: string; lang?: string; json?: boolean }) => {
      const now = ctx.options.now?.() ?? new Date();
      const since = opts.since === undefined ? new Date(now.getTime() - DAY_MS) : parseSince(opts.since, now);
      if (since.getTime() > now.getTime())
        throw new UsageError(`--since: ${oneLine(opts.since ?? '')} is in the future`);
      const app = await ctx.open();
      try {
        const locale = pickLocale(opts.lang, app.config.CYBERBRIEF_LANG);
        const digest = composeDigest(app.briefing.data, { since, until: now, locale });
        ctx.out(
          opts.json
            ? `${JSON.stringify(digest, null, 2)}\n`
            : renderDigest(digest, ctx.color, app.config.CYBERBRIEF_TZ),
        );
      } finally {
        await app.close();
      }
    });
};

/** An ISO date/instant, or an age such as `36h` or `7d` counted back from now. */
export function parseSince(text: string, now: Date): Date {
  const age = /^(\d+(?:\.\d+)?)\s*(m|h|d|w)$/i.exec(text.trim());
  if (age) {
    const unit = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[
      (age[2] as string).toLowerCase() as 'm' | 'h' | 'd' | 'w'
    ];
    return new Date(now.getTime() - Number(age[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const d = new Date(text.trim());
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new UsageError(
    `--since: "${oneLine(text)}" is not a date (2026-03-02, 2026-03-02T08:00+01:00) or an age (36h, 7d)`,
  );
}
