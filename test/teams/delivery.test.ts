import type { Subscription } from '../../src/domain/subscription';
import { createSubscription } from '../../src/subscriptions/create-subscription';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { ALICE, BOB, CHANNEL_ID, botAdded, message } from './support/activities';
import { cardsOf, expectGoodCard, visibleTexts } from './support/cards';
import { makeDigest } from './support/digests';
import { startTeams, type TeamsHarness } from './support/harness';

let h: TeamsHarness;
let subs: KeyvSubscriptionStore;

beforeAll(async () => {
  h = await startTeams({
    env: { CYBERBRIEF_TEAMS_DEV: '1', CYBERBRIEF_TEAMS_ADMINS: BOB.aadObjectId },
    deps: { deliveryRetry: { attempts: 3, startingDelayMs: 20, maxDelayMs: 50 } },
  });
  subs = new KeyvSubscriptionStore(h.app.kv);
});
afterAll(async () => h.close());
beforeEach(() => h.connector.reset());

/** Subscribes a conversation the way a user does, by message, and returns the saved subscription. */
async function subscribed(opts: Partial<Parameters<typeof message>[1]>, key: string): Promise<Subscription> {
  const activity = message('subscribe 08:00', { serviceUrl: h.connector.url, ...opts });
  expect((await h.post(activity)).status).toBe(200);
  await h.connector.waitFor((r) => r.replyToId === activity.id);
  h.connector.reset();
  const sub = await subs.findByChannel('teams', key);
  expect(sub).toBeDefined();
  return sub!;
}

const delivery = () => h.mount!.delivery;

describe('proactive digests', () => {
  test('a personal chat gets one card, posted as a new message (not a reply)', async () => {
    const sub = await subscribed({ personalId: 'a:digest-personal' }, 'a:digest-personal');
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('delivered');
    const posts = h.connector.activities();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe(`/v3/conversations/${encodeURIComponent('a:digest-personal')}/activities`);
    expect(posts[0]!.replyToId).toBeUndefined();
    expect(result).toEqual({
      status: 'delivered',
      messageId: 'posted-' + /\d+/.exec(String((result as { messageId?: string }).messageId))![0],
    });
    const [card] = cardsOf(posts[0]!.body);
    expectGoodCard(card);
    const texts = visibleTexts(card).join('\n');
    expect(texts).toMatch(/Invented incident 0/);
    expect(texts).toMatch(/Attribution: Norway → Paper Heron/);
    expect(posts[0]!.body.summary).toMatch(/Cyber-diplomacy digest: 4 developments about 2 incidents/);
  });

  test('a channel gets a headline post, and the details as a reply in its thread', async () => {
    const sub = await subscribed({ where: 'channel', from: BOB }, CHANNEL_ID);
    const result = await delivery().deliver(sub, makeDigest({ incidents: 3 }));
    expect(result.status).toBe('delivered');
    const [head, details] = h.connector.activities();
    expect(head!.conversationId).toBe(CHANNEL_ID);
    const headId = (result as { messageId: string }).messageId;
    expect(details!.conversationId).toBe(`${CHANNEL_ID};messageid=${headId}`);
    const headCard = cardsOf(head!.body)[0];
    expectGoodCard(headCard);
    expect(visibleTexts(headCard).join('\n')).toMatch(/6 developments about 3 incidents/);
    const detailCard = cardsOf(details!.body)[0];
    expectGoodCard(detailCard);
    expect(visibleTexts(detailCard).join('\n')).toMatch(/Invented incident 2/);
  });

  test('if the thread reply fails after the headline went out, the digest still counts as delivered (no second headline)', async () => {
    const sub = await subscribed({ where: 'channel', from: BOB }, CHANNEL_ID);
    h.connector.failNext({ status: 403 }, (r) => (r.conversationId ?? '').includes(';messageid='));
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('delivered');
    expect(h.connector.activities()).toHaveLength(2);
    expect(
      h.logs.some((l) => l.event === 'teams.digest_details_failed' && l.status === 403 && l.subscription === sub.id),
    ).toBe(true);
  });

  test('the subscription’s zone and language shape the card', async () => {
    const sub = await subscribed(
      { personalId: 'a:digest-fr', locale: 'fr-FR', localTimezone: 'Asia/Tokyo' },
      'a:digest-fr',
    );
    expect(sub.locale).toBe('fr');
    await delivery().deliver(sub, makeDigest({ locale: 'fr' }));
    const card = cardsOf(h.connector.activities()[0]!.body)[0];
    expect(card.body[0].text).toBe('Revue cyberdiplomatique');
    // 07:00 UTC is 16:00 in Tokyo.
    expect(card.body[1].text).toMatch(/16:00/);
  });

  test('an empty period can be announced with a one-line note', async () => {
    const sub = await subscribed({ personalId: 'a:digest-note' }, 'a:digest-note');
    const result = await delivery().deliverNote!(sub, 'Nothing new since the last digest.');
    expect(result.status).toBe('delivered');
    expect(visibleTexts(cardsOf(h.connector.activities()[0]!.body)[0])).toContain('Nothing new since the last digest.');
  });

  test('a subscription made from the shell posts through the reference stored when the bot was added', async () => {
    expect((await h.post(botAdded({ serviceUrl: h.connector.url, personalId: 'a:installed-only' }))).status).toBe(200);
    h.connector.reset();
    const sub = createSubscription({
      platform: 'teams',
      channel: 'a:installed-only',
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en',
      filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
      emptyDigest: 'skip',
      now: new Date(),
    });
    expect(sub.conversationRef).toBeUndefined();
    expect((await delivery().deliver(sub, makeDigest())).status).toBe('delivered');
    expect(h.connector.activities()[0]!.conversationId).toBe('a:installed-only');
  });

  test('the reference seen most recently wins over the one saved with the subscription', async () => {
    expect((await h.post(botAdded({ serviceUrl: h.connector.url, personalId: 'a:moved' }))).status).toBe(200);
    h.connector.reset();
    const stale = {
      serviceUrl: 'http://127.0.0.1:9/',
      channelId: 'msteams',
      conversation: { id: 'a:moved', conversationType: 'personal' },
      bot: { id: '28:cyberbrief-test-bot' },
    };
    const sub = createSubscription({
      platform: 'teams',
      channel: 'a:moved',
      conversationRef: stale,
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en',
      filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
      emptyDigest: 'skip',
      now: new Date(),
    });
    expect((await delivery().deliver(sub, makeDigest())).status).toBe('delivered');
    expect(h.connector.activities()[0]!.conversationId).toBe('a:moved');
  });

  test('with no reference at all the subscription is paused with what to do', async () => {
    const sub = createSubscription({
      platform: 'teams',
      channel: '19:never-seen@thread.tacv2',
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en',
      filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
      emptyDigest: 'skip',
      now: new Date(),
    });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('paused');
    expect((result as { reason: string }).reason).toMatch(/no Teams conversation reference.*add cyberbrief/);
    expect(h.connector.requests).toEqual([]);
  });
});

describe('when Teams refuses', () => {
  let sub: Subscription;
  beforeAll(async () => {
    sub = await subscribed({ personalId: 'a:digest-errors', from: ALICE }, 'a:digest-errors');
  });

  test('403 (bot removed, or not allowed to post) pauses the subscription with the reason', async () => {
    h.connector.failNext({
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('paused');
    expect((result as { reason: string }).reason).toMatch(/403 BotNotInConversationRoster.*removed/);
    expect(h.connector.activities()).toHaveLength(1);
  });

  test('404 (conversation deleted) pauses it too', async () => {
    h.connector.failNext({
      status: 404,
      body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } },
    });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result).toMatchObject({ status: 'paused' });
    expect((result as { reason: string }).reason).toMatch(/404 ConversationNotFound/);
  });

  test('429 with Retry-After is waited out and retried', async () => {
    h.connector.failNext({ status: 429, headers: { 'retry-after': '0' } });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('delivered');
    expect(h.connector.activities()).toHaveLength(2);
  });

  test('429 without Retry-After is retried with exponential backoff', async () => {
    h.connector.failNext({ status: 429 });
    h.connector.failNext({ status: 429 });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('delivered');
    expect(h.connector.activities()).toHaveLength(3);
  });

  test('a 5xx is retried with backoff', async () => {
    h.connector.failNext({ status: 502 });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result.status).toBe('delivered');
    expect(h.connector.activities()).toHaveLength(2);
  });

  test('when the retries run out the slot is left for the next tick, with a hint of when', async () => {
    for (let i = 0; i < 12; i++) h.connector.failNext({ status: 503, headers: { 'retry-after': '0' } });
    const result = await delivery().deliver(sub, makeDigest());
    expect(result).toMatchObject({ status: 'retry', retryAfterMs: 0 });
    expect((result as { reason: string }).reason).toMatch(/503/);
    // The connector client's own policy: the first try and three retries.
    expect(h.connector.activities()).toHaveLength(4);
    h.connector.reset();
  });
});
