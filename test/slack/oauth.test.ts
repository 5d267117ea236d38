import { KeyvInstallationStore } from '../../adapters/slack/installation-store';
import { BOT_SCOPES } from '../../adapters/slack/scopes';
import { createSubscription } from '../../src/subscriptions/create-subscription';
import { type Harness, startHarness } from './support/harness';
import { eventBody, postToSlackEndpoint, slashCommandBody } from './support/signed';

/**
 * Multi-workspace mode: Bolt's own OAuth flow on the shared server, installations kept in the
 * keyv store, and every call for a workspace made with that workspace's token.
 */
let h: Harness;
const filters = { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 };

beforeAll(async () => {
  h = await startHarness({
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-value',
    SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
  });
  h.fake.admins.add('U0INSTALLER');
});
afterAll(async () => {
  await h.close();
});

async function install(team: string, token: string): Promise<void> {
  const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const location = new URL(start.headers.get('location')!);
  expect(location.searchParams.get('client_id')).toBe('1111.2222');
  expect(location.searchParams.get('scope')!.split(',').sort()).toEqual([...BOT_SCOPES].sort());
  const state = location.searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  h.fake.script('oauth.v2.access', {
    body: {
      ok: true,
      app_id: 'A0CYBER',
      authed_user: { id: 'U0INSTALLER' },
      scope: BOT_SCOPES.join(','),
      token_type: 'bot',
      access_token: token,
      bot_user_id: 'UBOT0002',
      team: { id: team, name: 'Second' },
      enterprise: null,
      is_enterprise_install: false,
    },
  });
  const done = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=temp-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(done.status).toBe(200);
}

test('the install page redirects to Slack with our scopes; the callback stores the installation in keyv', async () => {
  await install('T0SECOND', 'xoxb-second-workspace');
  const access = h.fake.api('oauth.v2.access');
  expect(access[access.length - 1]!.body.code).toBe('temp-code');
  const store = new KeyvInstallationStore(h.app.kv.namespace('slack-installations'));
  expect(await store.botToken('T0SECOND')).toBe('xoxb-second-workspace');
});

test('a callback with a state from another browser session is refused and stores nothing', async () => {
  const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(h.fake.api('oauth.v2.access').some((c) => c.body.code === 'x')).toBe(false);
});

test('commands from an installed workspace use that workspace’s token', async () => {
  await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({
      text: 'subscribe 08:00',
      team: 'T0SECOND',
      user: 'U0INSTALLER',
      channel: 'C0SECOND',
      responseUrl: h.fake.responseUrl('o1'),
    }),
  );
  await h.fake.waitFor((r) => r.responseId === 'o1');
  const info = h.fake.api('users.info').find((c) => c.body.user === 'U0INSTALLER')!;
  expect(info.headers.authorization).toBe('Bearer xoxb-second-workspace');
  expect(await h.subscriptions.findByChannel('slack', 'C0SECOND')).toMatchObject({ workspace: 'T0SECOND' });
});

test('digests go out with the installation’s token; a workspace without one is paused', async () => {
  const now = new Date('2026-03-02T07:00:00Z');
  const digest = {
    since: now.toISOString(),
    until: now.toISOString(),
    locale: 'en' as const,
    incidents: [],
    more: 0,
    sources: [],
  };
  const installed = createSubscription({
    platform: 'slack',
    workspace: 'T0SECOND',
    channel: 'C0SECOND',
    cron: '0 8 * * 1-5',
    timezone: 'UTC',
    locale: 'en',
    filters,
    emptyDigest: 'note',
    now,
  });
  expect((await h.runtime.delivery.deliver(installed, digest)).status).toBe('delivered');
  const post = h.fake.api('chat.postMessage').find((c) => c.body.channel === 'C0SECOND')!;
  expect(post.headers.authorization).toBe('Bearer xoxb-second-workspace');
  const stranger = createSubscription({
    platform: 'slack',
    workspace: 'T0NOTHERE',
    channel: 'C0X',
    cron: '0 8 * * 1-5',
    timezone: 'UTC',
    locale: 'en',
    filters,
    emptyDigest: 'note',
    now,
  });
  expect(await h.runtime.delivery.deliver(stranger, digest)).toMatchObject({
    status: 'paused',
    reason: expect.stringContaining('T0NOTHERE'),
  });
});

test('app_uninstalled forgets the installation', async () => {
  await install('T0THIRD', 'xoxb-third');
  const store = new KeyvInstallationStore(h.app.kv.namespace('slack-installations'));
  expect(await store.botToken('T0THIRD')).toBe('xoxb-third');
  await postToSlackEndpoint(
    h.eventsUrl,
    eventBody({ type: 'app_uninstalled', event_ts: '1700000000.000100' }, 'T0THIRD'),
    { json: true },
  );
  // The removal is logged once done; wait for that line rather than for time to pass.
  for (
    let i = 0;
    i < 5000 && !h.logs.some((l) => l.includes('slack.installation_removed') && l.includes('T0THIRD'));
    i++
  )
    await new Promise((r) => setImmediate(r));
  expect(await store.botToken('T0THIRD')).toBeUndefined();
  expect(await store.botToken('T0SECOND')).toBe('xoxb-second-workspace');
});
