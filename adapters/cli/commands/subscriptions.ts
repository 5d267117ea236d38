import { Option } from 'commander';
import { filterWords } from '../../../src/chat/filter-words';
import { resolveSubject } from '../../../src/chat/resolve-subject';
import { isTimeZone } from '../../../src/time/time-zone';
import { DevelopmentType } from '../../../src/domain/development';
import { Platform, type Subscription } from '../../../src/domain/subscription';
import { checkCron } from '../../../src/time/cron';
import { createSubscription } from '../../../src/subscriptions/create-subscription';
import { KeyvSubscriptionStore } from '../../../src/subscriptions/keyv-subscription-store';
import { DEFAULT_SCHEDULE } from '../../../src/subscriptions/parse-subscribe';
import { type CliContext, type RegisterCommand, UsageError } from '../context';
import { jsonOption } from '../options';
import { stripControl } from '../render-brief';

interface AddOptions {
  platform?: string;
  channel?: string;
  workspace?: string;
  cron?: string;
  tz?: string;
  lang?: string;
  incident: string[];
  actor: string[];
  country: string[];
  type: string[];
  min?: string;
  empty?: string;
  json?: boolean;
}

const list = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
];

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('subscriptions')
    .description('digest subscriptions: add, list, remove (running replicas pick up changes within a minute)');

  cmd
    .command('add')
    .description('subscribe a Slack channel or Teams conversation to the digest')
    .option('--platform <platform>', 'slack or teams')
    .option('--channel <id>', 'Slack channel id or Teams conversation id')
    .option('--workspace <id>', 'Slack team id or Teams tenant id')
    .option(
      '--cron <expr>',
      `when, as a cron expression in --tz (default "${DEFAULT_SCHEDULE.minute} ${DEFAULT_SCHEDULE.hour} * * ${DEFAULT_SCHEDULE.days}", weekdays 08:00)`,
    )
    .option('--tz <zone>', 'IANA time zone (default CYBERBRIEF_TZ)')
    .option('--lang <lang>', 'en or fr (default CYBERBRIEF_LANG)')
    .option('--incident <ids>', 'only these incidents (comma-separated, repeatable)', list, [])
    .option('--actor <ids>', 'only developments involving these actors (a state includes its groups)', list, [])
    .option('--country <codes>', 'only developments involving these countries (ISO alpha-2)', list, [])
    .option('--type <types>', `only these development types (${DevelopmentType.options.join(', ')})`, list, [])
    .option('--min <significance>', 'leave out developments ranked below this (0..1)')
    .addOption(
      new Option('--empty <mode>', 'when nothing is new: post nothing (skip) or a one-line note').choices([
        'skip',
        'note',
      ]),
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExample:\n  cyberbrief subscriptions add --platform slack --channel C0123ABCD --cron "30 7 * * 1-5" --tz Europe/Paris --lang fr --actor CN --type sanction',
    )
    .action(async (opts: AddOptions) => add(ctx, opts));

  cmd
    .command('list')
    .description('list subscriptions')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      await withStore(ctx, async (store) => {
        const subs = await store.list();
        if (opts.json) {
          ctx.out(`${JSON.stringify(subs, null, 2)}\n`);
          return;
        }
        for (const s of subs) ctx.out(`${describe(s)}\n`);
        ctx.out(`${subs.length} subscription${subs.length === 1 ? '' : 's'}\n`);
      });
    });

  cmd
    .command('remove')
    .description('remove a subscription by id, or every subscription of a channel')
    .argument('[id]', 'subscription id (see `subscriptions list`)')
    .option('--platform <platform>', 'slack or teams (with --channel)')
    .option('--channel <id>', 'channel or conversation id (with --platform)')
    .addHelpText(
      'after',
      '\nExamples:\n  cyberbrief subscriptions remove sub-1a2b3c4d5e6f\n  cyberbrief subscriptions remove --platform slack --channel C0123ABCD\n\nExit codes: 0 removed, 1 nothing matched, 2 bad usage.',
    )
    .action(async (id: string | undefined, opts: { platform?: string; channel?: string }) => {
      if (id !== undefined && (opts.platform !== undefined || opts.channel !== undefined))
        throw new UsageError('remove: give an id or --platform and --channel, not both');
      if (id === undefined && (opts.platform === undefined || opts.channel === undefined))
        throw new UsageError('remove: give an id, or both --platform and --channel');
      const platform = id === undefined ? parsePlatform(opts.platform) : undefined;
      await withStore(ctx, async (store) => {
        const ids =
          id !== undefined
            ? [id]
            : (await store.list({ platform })).filter((s) => s.channel === opts.channel).map((s) => s.id);
        let removed = 0;
        for (const x of ids) if (await store.remove(x)) removed += 1;
        if (removed === 0) {
          ctx.err(
            `cyberbrief: no subscription ${id !== undefined ? `with id ${id}` : `for ${opts.platform} channel ${opts.channel}`}\n`,
          );
          process.exitCode = 1;
          return;
        }
        ctx.out(`removed ${removed} subscription${removed === 1 ? '' : 's'}\n`);
      });
    });
};

async function add(ctx: CliContext, opts: AddOptions): Promise<void> {
  const platform = parsePlatform(opts.platform);
  if (opts.channel === undefined || opts.channel.trim() === '')
    throw new UsageError('--channel: required (Slack channel id or Teams conversation id)');
  const cron = (opts.cron ?? `${DEFAULT_SCHEDULE.minute} ${DEFAULT_SCHEDULE.hour} * * ${DEFAULT_SCHEDULE.days}`)
    .trim()
    .replace(/\s+/g, ' ');
  const cronCheck = checkCron(cron);
  if (!cronCheck.ok) throw new UsageError(`--cron: "${cron}" is invalid: ${cronCheck.error}`);
  if (opts.tz !== undefined && !isTimeZone(opts.tz))
    throw new UsageError(`--tz: "${opts.tz}" is not an IANA time zone (e.g. Europe/Paris)`);
  if (opts.lang !== undefined && opts.lang !== 'en' && opts.lang !== 'fr')
    throw new UsageError(`--lang: "${opts.lang}" should be en or fr`);
  for (const t of opts.type)
    if (!DevelopmentType.safeParse(t).success)
      throw new UsageError(`--type: "${t}" is not one of ${DevelopmentType.options.join(', ')}`);
  for (const c of opts.country)
    if (!/^[A-Za-z]{2}$/.test(c)) throw new UsageError(`--country: "${c}" is not a two-letter country code`);
  const min = opts.min === undefined ? 0 : Number(opts.min);
  if (opts.min !== undefined && (opts.min.trim() === '' || !Number.isFinite(min) || min < 0 || min > 1))
    throw new UsageError(`--min: "${opts.min}" is not a number from 0 to 1`);

  await withStore(ctx, async (store, app) => {
    const timezone =
      opts.tz !== undefined
        ? new Intl.DateTimeFormat('en', { timeZone: opts.tz }).resolvedOptions().timeZone
        : app.config.CYBERBRIEF_TZ;
    const sub = createSubscription({
      platform,
      channel: opts.channel!.trim(),
      workspace: opts.workspace ?? '',
      cron,
      timezone,
      locale: opts.lang === 'fr' || opts.lang === 'en' ? opts.lang : app.config.CYBERBRIEF_LANG,
      filters: {
        // The chat's resolver, so `--actor fr` means what `actor:fr` means in Slack and Teams; an id not
        // known yet is kept as typed, for subjects the store will learn about later.
        incidents: opts.incident.map(
          (i) => resolveSubject(app.briefing, i, app.config.CYBERBRIEF_LANG, 'incident')?.id ?? i.toLowerCase(),
        ),
        actors: opts.actor.map(
          (a) =>
            resolveSubject(app.briefing, a, app.config.CYBERBRIEF_LANG, 'actor')?.id ??
            (/^([a-z]{2}|g\d{4})$/i.test(a) ? a.toUpperCase() : a),
        ),
        countries: opts.country.map((c) => c.toUpperCase()),
        types: opts.type as DevelopmentType[],
        minSignificance: min,
      },
      emptyDigest: opts.empty === 'note' ? 'note' : 'skip',
      createdBy: 'cli',
      now: ctx.options.now?.() ?? new Date(),
    });
    await store.save(sub);
    ctx.out(opts.json ? `${JSON.stringify(sub, null, 2)}\n` : `${sub.id}\n`);
  });
}

function parsePlatform(value: string | undefined): Platform {
  const r = Platform.safeParse(value);
  if (!r.success)
    throw new UsageError(`--platform: ${value === undefined ? 'required' : `"${value}" is not one of`} slack, teams`);
  return r.data;
}

async function withStore(
  ctx: CliContext,
  fn: (store: KeyvSubscriptionStore, app: Awaited<ReturnType<CliContext['open']>>) => Promise<void>,
): Promise<void> {
  const app = await ctx.open();
  try {
    await fn(
      new KeyvSubscriptionStore(app.kv, {
        onProblem: (p) => app.log.warn('subscription.record_skipped', { problem: p }),
      }),
      app,
    );
  } finally {
    await app.close();
  }
}

function describe(s: Subscription): string {
  const filters = filterWords(s.filters);
  const status = s.status === 'paused' ? `paused${s.pausedReason ? ` (${s.pausedReason})` : ''}` : 'active';
  const last = s.lastDeliveredAt ? `last ${s.lastDeliveredAt}` : 'never delivered';
  return stripControl(
    `${s.id}  ${s.platform}:${s.channel}  "${s.cron}" ${s.timezone} ${s.locale}  ${status}  ${last}${filters.length ? `  ${filters.join(' ')}` : ''}`,
  );
}
