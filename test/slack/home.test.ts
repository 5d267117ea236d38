import { createSubscription } from '../../src/subscriptions/create-subscription';
import { blockKitProblems, markupTexts } from './support/block-kit';
import { type Harness, startHarness } from './support/harness';
import { eventBody, postToSlackEndpoint } from './support/signed';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const filters = { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 };

test('opening App Home publishes the workspace’s digests and the latest developments', async () => {
  const now = new Date('2026-03-02T07:00:00Z');
  await h.subscriptions.save(
    createSubscription({
      platform: 'slack',
      workspace: 'T0TEST',
      channel: 'C0HOME1',
      cron: '30 7 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'fr',
      filters,
      emptyDigest: 'skip',
      createdBy: 'U0ADMIN',
      now,
    }),
  );
  await h.subscriptions.save({
    ...createSubscription({
      platform: 'slack',
      workspace: 'T0TEST',
      channel: 'C0HOME2',
      cron: '0 9 * * 1',
      timezone: 'America/New_York',
      locale: 'en',
      filters,
      emptyDigest: 'skip',
      createdBy: 'U0ADMIN',
      now,
    }),
    status: 'paused',
    pausedReason: 'channel_not_found: <!channel> gone',
  });
  // Another workspace's digest is not shown here.
  await h.subscriptions.save(
    createSubscription({
      platform: 'slack',
      workspace: 'T0ELSE',
      channel: 'C0ELSEWHERE',
      cron: '0 8 * * 1-5',
      timezone: 'UTC',
      locale: 'en',
      filters,
      emptyDigest: 'skip',
      now,
    }),
  );

  const res = await postToSlackEndpoint(
    h.eventsUrl,
    eventBody({
      type: 'app_home_opened',
      user: 'U0VIEWER',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1700000000.000100',
    }),
    { json: true },
  );
  expect(res.status).toBe(200);
  const publish = await h.fake.waitFor((r) => r.api === 'views.publish');
  expect(publish.body.user_id).toBe('U0VIEWER');
  const view = publish.body.view as Record<string, unknown>;
  expect(view.type).toBe('home');
  expect(blockKitProblems(view, 100)).toEqual([]);
  const text = markupTexts(view).join('\n');
  expect(text).toContain('<#C0HOME1>');
  expect(text).toContain('weekdays at 07:30 (Europe/Paris)');
  expect(text).toContain('<#C0HOME2>');
  expect(text).toContain('paused: channel_not_found: &lt;!channel&gt; gone');
  expect(text).not.toContain('C0ELSEWHERE');
  const latest = h.app.briefing.latest('en', 10);
  expect(latest.length).toBeGreaterThan(0);
  for (const item of latest.slice(0, 3))
    expect(text).toContain(item.incident.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
});

test('the Messages tab is not answered with a Home view', async () => {
  const before = h.fake.api('views.publish').length;
  await postToSlackEndpoint(
    h.eventsUrl,
    eventBody({
      type: 'app_home_opened',
      user: 'U0VIEWER',
      channel: 'D0HOME',
      tab: 'messages',
      event_ts: '1700000000.000200',
    }),
    { json: true },
  );
  // A Home open afterwards is published; the messages-tab one in between was not.
  await postToSlackEndpoint(
    h.eventsUrl,
    eventBody({
      type: 'app_home_opened',
      user: 'U0SECOND',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1700000000.000300',
    }),
    { json: true },
  );
  await h.fake.waitFor((r) => r.api === 'views.publish' && r.body.user_id === 'U0SECOND');
  expect(
    h.fake
      .api('views.publish')
      .slice(before)
      .map((c) => c.body.user_id),
  ).toEqual(['U0SECOND']);
});

test('url_verification is answered with the challenge (Event Subscriptions setup)', async () => {
  const body = JSON.stringify({ token: 'x', challenge: 'c-12345', type: 'url_verification' });
  const res = await postToSlackEndpoint(h.eventsUrl, body, { json: true });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text)).toEqual({ challenge: 'c-12345' });
});
