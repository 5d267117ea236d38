import { type Harness, startHarness } from './support/harness';
import { postToSlackEndpoint, slashCommandBody } from './support/signed';

type Obj = Record<string, unknown>;

let n = 0;
const rid = () => `s${++n}`;

async function command(
  h: Harness,
  text: string,
  o: { channel?: string; user?: string; answers?: number } = {},
): Promise<Obj[]> {
  const id = rid();
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({ text, responseUrl: h.fake.responseUrl(id), ...o }),
  );
  expect(res.status).toBe(200);
  return (await h.fake.waitForCount((r) => r.responseId === id, o.answers ?? 1)).map((r) => r.body);
}

describe('subscribe, unsubscribe and subscriptions (admins from users.info)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { now: () => new Date('2026-03-02T09:00:00Z') });
    h.fake.admins.add('U0ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  test('someone who is not an admin is told who can, and nothing is saved', async () => {
    const [answer] = await command(h, 'subscribe 07:30 Europe/Paris', { user: 'U0PLAIN', channel: 'C0NEWS' });
    expect(answer!.response_type).toBe('ephemeral');
    expect(String(answer!.text)).toContain('CYBERBRIEF_SLACK_ADMINS');
    expect(await h.subscriptions.findByChannel('slack', 'C0NEWS')).toBeUndefined();
    expect(h.fake.api('users.info').some((c) => c.body.user === 'U0PLAIN')).toBe(true);
  });

  test('an admin subscribes a public channel: saved with the parsed schedule, the bot joins, the channel is told', async () => {
    const [answer] = await command(h, 'subscribe 07:30 Europe/Paris fr type:sanction', {
      user: 'U0ADMIN',
      channel: 'C0NEWS',
    });
    const sub = await h.subscriptions.findByChannel('slack', 'C0NEWS');
    expect(sub).toMatchObject({
      platform: 'slack',
      workspace: 'T0TEST',
      channel: 'C0NEWS',
      cron: '30 7 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'fr',
      createdBy: 'U0ADMIN',
      status: 'active',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(sub!.filters.types).toEqual(['sanction']);
    expect(answer!.response_type).toBe('in_channel');
    expect(String(answer!.text)).toContain('<@U0ADMIN>');
    expect(String(answer!.text)).toContain('07:30');
    expect(h.fake.api('conversations.join').map((c) => c.body.channel)).toContain('C0NEWS');
  });

  test('subscribing again changes the same subscription and resumes it if paused', async () => {
    const before = (await h.subscriptions.findByChannel('slack', 'C0NEWS'))!;
    await h.subscriptions.save({
      ...before,
      status: 'paused',
      pausedReason: 'not_in_channel',
      lastDeliveredUntil: '2026-03-01T07:00:00.000Z',
    });
    const [answer] = await command(h, 'subscribe daily 18:00', { user: 'U0ADMIN', channel: 'C0NEWS' });
    const after = (await h.subscriptions.findByChannel('slack', 'C0NEWS'))!;
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({
      cron: '0 18 * * *',
      status: 'active',
      lastDeliveredUntil: '2026-03-01T07:00:00.000Z',
    });
    expect(after.pausedReason).toBeUndefined();
    expect(String(answer!.text)).toMatch(/changed/);
  });

  test('a private channel cannot be joined: the subscriber is told to invite the bot', async () => {
    h.fake.script('conversations.join', { body: { ok: false, error: 'method_not_supported_for_channel_type' } });
    const [confirm, invite] = await command(h, 'subscribe', { user: 'U0ADMIN', channel: 'C0SECRET', answers: 2 });
    expect(confirm!.response_type).toBe('in_channel');
    expect(invite).toMatchObject({ response_type: 'ephemeral' });
    expect(String(invite!.text)).toContain('/invite @cyberbrief');
    expect(await h.subscriptions.findByChannel('slack', 'C0SECRET')).toMatchObject({
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
    });
  });

  test('a wrong argument says what was wrong and shows an example, and saves nothing', async () => {
    const [answer] = await command(h, 'subscribe 25:99 Mars/Olympus', { user: 'U0ADMIN', channel: 'C0TYPO' });
    expect(answer!.response_type).toBe('ephemeral');
    expect(String(answer!.text)).toContain('25:99');
    expect(String(answer!.text)).toContain('/cyberbrief subscribe 07:30 Europe/Paris');
    expect(await h.subscriptions.findByChannel('slack', 'C0TYPO')).toBeUndefined();
  });

  test('`subscriptions` lists this workspace’s digests, paused ones with their reason', async () => {
    const secret = (await h.subscriptions.findByChannel('slack', 'C0SECRET'))!;
    await h.subscriptions.save({ ...secret, status: 'paused', pausedReason: 'channel_not_found' });
    const [answer] = await command(h, 'subscriptions', { user: 'U0PLAIN' });
    const text = JSON.stringify(answer!.blocks);
    expect(text).toContain('<#C0NEWS>');
    expect(text).toContain('<#C0SECRET>');
    expect(text).toContain('channel_not_found');
  });

  test('unsubscribe: admins only; then the channel has no digest', async () => {
    const [denied] = await command(h, 'unsubscribe', { user: 'U0PLAIN', channel: 'C0NEWS' });
    expect(String(denied!.text)).toContain('CYBERBRIEF_SLACK_ADMINS');
    expect(await h.subscriptions.findByChannel('slack', 'C0NEWS')).toBeDefined();
    const [done] = await command(h, 'unsubscribe', { user: 'U0ADMIN', channel: 'C0NEWS' });
    expect(done!.response_type).toBe('in_channel');
    expect(await h.subscriptions.findByChannel('slack', 'C0NEWS')).toBeUndefined();
    const [none] = await command(h, 'unsubscribe', { user: 'U0ADMIN', channel: 'C0NEWS' });
    expect(String(none!.text)).toContain('/cyberbrief subscribe');
  });
});

describe('CYBERBRIEF_SLACK_ADMINS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CYBERBRIEF_SLACK_ADMINS: 'U0LISTED, U0OTHER' });
  });
  afterAll(async () => {
    await h.close();
  });

  test('a listed user may subscribe without being a workspace admin, and without a users.info call', async () => {
    await command(h, 'subscribe weekdays 09:15', { user: 'U0LISTED', channel: 'C0OPS' });
    expect(await h.subscriptions.findByChannel('slack', 'C0OPS')).toMatchObject({
      cron: '15 9 * * 1-5',
      createdBy: 'U0LISTED',
    });
    expect(h.fake.api('users.info')).toHaveLength(0);
  });

  test('an unlisted user is still checked against Slack and refused', async () => {
    const [answer] = await command(h, 'unsubscribe', { user: 'U0STRANGER', channel: 'C0OPS' });
    expect(String(answer!.text)).toContain('CYBERBRIEF_SLACK_ADMINS');
    expect(await h.subscriptions.findByChannel('slack', 'C0OPS')).toBeDefined();
  });
});
