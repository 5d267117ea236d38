import { register } from '../../adapters/cli/commands/subscriptions';
import { Subscription } from '../../src/domain/subscription';
import { cliSandbox } from './cli-harness';

describe('cyberbrief subscriptions add|list|remove', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  let cli: ReturnType<typeof cliSandbox>;
  beforeEach(() => {
    cli = cliSandbox([register], now);
  });
  afterEach(() => cli.dispose());

  it('adds with every field, lists as JSON Subscriptions, and removes by id', async () => {
    const added = await cli.run(
      'subscriptions',
      'add',
      '--platform',
      'slack',
      '--channel',
      'C0123',
      '--workspace',
      'T9',
      '--cron',
      '30 7 * * 1-5',
      '--tz',
      'europe/paris',
      '--lang',
      'fr',
      '--actor',
      'cn,G0032',
      '--country',
      'fr',
      '--type',
      'sanction',
      '--type',
      'attribution',
      '--incident',
      'WannaCry',
      '--min',
      '0.4',
      '--empty',
      'note',
    );
    expect(added).toMatchObject({ code: 0, err: '' });
    const id = added.out.trim();
    expect(id).toMatch(/^sub-[0-9a-f]{12}$/);

    const listed = await cli.run('subscriptions', 'list', '--json');
    const subs = (JSON.parse(listed.out) as unknown[]).map((s) => Subscription.parse(s));
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      id,
      platform: 'slack',
      channel: 'C0123',
      workspace: 'T9',
      cron: '30 7 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'fr',
      emptyDigest: 'note',
      status: 'active',
      createdBy: 'cli',
      createdAt: now.toISOString(),
      filters: {
        actors: ['CN', 'G0032'],
        countries: ['FR'],
        types: ['sanction', 'attribution'],
        incidents: ['wannacry'],
        minSignificance: 0.4,
      },
    });
    const text = await cli.run('subscriptions', 'list');
    expect(text.out).toContain(
      `${id}  slack:C0123  "30 7 * * 1-5" Europe/Paris fr  active  never delivered  incident:wannacry actor:CN actor:G0032 country:FR type:sanction type:attribution min:0.4`,
    );
    expect(text.out).toContain('1 subscription\n');

    expect(await cli.run('subscriptions', 'remove', id)).toMatchObject({ code: 0, out: 'removed 1 subscription\n' });
    expect(JSON.parse((await cli.run('subscriptions', 'list', '--json')).out)).toEqual([]);
    const again = await cli.run('subscriptions', 'remove', id);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`no subscription with id ${id}`);
  });

  it('uses the configured defaults: weekdays 08:00, CYBERBRIEF_TZ and CYBERBRIEF_LANG', async () => {
    const added = await cli.run(
      'subscriptions',
      'add',
      '--platform',
      'teams',
      '--channel',
      '19:abc@thread.tacv2',
      '--json',
    );
    expect(Subscription.parse(JSON.parse(added.out))).toMatchObject({
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en',
      emptyDigest: 'skip',
      platform: 'teams',
    });
  });

  it('removes every subscription of one channel, and only that channel', async () => {
    // Two schedules for C1 (morning and evening), one for C2.
    for (const [ch, cron] of [
      ['C1', '0 8 * * 1-5'],
      ['C1', '0 18 * * 1-5'],
      ['C2', '0 8 * * 1-5'],
    ] as const)
      await cli.run('subscriptions', 'add', '--platform', 'slack', '--channel', ch, '--cron', cron);
    await cli.run('subscriptions', 'add', '--platform', 'teams', '--channel', 'C1');
    expect(await cli.run('subscriptions', 'remove', '--platform', 'slack', '--channel', 'C1')).toMatchObject({
      code: 0,
      out: 'removed 2 subscriptions\n',
    });
    const left = (JSON.parse((await cli.run('subscriptions', 'list', '--json')).out) as Subscription[])
      .map((s) => `${s.platform}:${s.channel}`)
      .sort();
    expect(left).toEqual(['slack:C2', 'teams:C1']);
  });

  it.each([
    [['--channel', 'C1'], '--platform: required'],
    [['--platform', 'discord', '--channel', 'C1'], '--platform: "discord"'],
    [['--platform', 'slack'], '--channel: required'],
    [['--platform', 'slack', '--channel', 'C1', '--cron', '0 25 * * *'], '--cron: "0 25 * * *" is invalid'],
    [['--platform', 'slack', '--channel', 'C1', '--tz', 'Mars/Olympus'], '--tz: "Mars/Olympus"'],
    [['--platform', 'slack', '--channel', 'C1', '--lang', 'de'], '--lang: "de"'],
    [['--platform', 'slack', '--channel', 'C1', '--type', 'rumour'], '--type: "rumour"'],
    [['--platform', 'slack', '--channel', 'C1', '--country', 'France'], '--country: "France"'],
    [['--platform', 'slack', '--channel', 'C1', '--min', '1.5'], '--min: "1.5"'],
  ])('refuses a wrong field with one line naming it: %j', async (args, message) => {
    const r = await cli.run('subscriptions', 'add', ...args);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
    expect(JSON.parse((await cli.run('subscriptions', 'list', '--json')).out)).toEqual([]);
  });

  it('refuses the same subscription twice, naming the one that exists (exit 2)', async () => {
    const same = ['--platform', 'slack', '--channel', 'C7', '--cron', '30 7 * * 1-5', '--tz', 'Europe/Paris'];
    const first = await cli.run('subscriptions', 'add', ...same, '--actor', 'CN,G0032', '--type', 'sanction');
    expect(first.code).toBe(0);
    const id = first.out.trim();
    // The same filters in another order and case are the same subscription.
    const again = await cli.run('subscriptions', 'add', ...same, '--type', 'sanction', '--actor', 'g0032,cn');
    expect(again).toMatchObject({ code: 2, out: '' });
    expect(again.err.trim().split('\n')).toEqual([expect.stringContaining(id)]);
    expect(again.err).toMatch(/already/);
    // Another schedule or other filters for the same channel are another subscription.
    expect((await cli.run('subscriptions', 'add', ...same, '--actor', 'CN')).code).toBe(0);
    expect(JSON.parse((await cli.run('subscriptions', 'list', '--json')).out)).toHaveLength(2);
  });

  it('refuses remove without an id or a channel, or with both', async () => {
    expect((await cli.run('subscriptions', 'remove')).code).toBe(2);
    expect((await cli.run('subscriptions', 'remove', 'sub-1', '--platform', 'slack', '--channel', 'C1')).code).toBe(2);
    expect((await cli.run('subscriptions', 'remove', '--platform', 'slack')).code).toBe(2);
  });
});
