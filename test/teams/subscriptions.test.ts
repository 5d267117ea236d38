import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphTeamOwnerCheck } from '../../adapters/teams/bot/team-owners';
import { KeyvConversationStore } from '../../adapters/teams/conversation-store';
import { silentLogger } from '../../src/log';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { ALICE, BOB, CHANNEL_ID, TEAM, TENANT, botAdded, botRemoved, message } from './support/activities';
import { cardsOf, visibleTexts, type Json } from './support/cards';
import { startTeams, type TeamsHarness } from './support/harness';

/** Microsoft Graph's team-members endpoint, as far as the owner check reads it. */
class GraphStub {
  readonly requests: { url: string; authorization?: string }[] = [];
  owners = new Set<string>();
  private server!: Server;
  url = '';
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const filter = new URL(req.url ?? '/', 'http://x').searchParams.get('$filter') ?? '';
      const user = /userId eq '([^']+)'/.exec(filter)?.[1] ?? '';
      const value = user ? [{ userId: user, roles: this.owners.has(user) ? ['owner'] : [] }] : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value }));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const CAROL = { id: '29:carol-teams-id', aadObjectId: '0c0c0c0c-0000-4000-8000-000000000c0c', name: 'Carol' };
const DAVE = { id: '29:dave-teams-id', aadObjectId: '0d0d0d0d-0000-4000-8000-000000000d0d', name: 'Dave' };

let h: TeamsHarness;
let graph: GraphStub;
let subs: KeyvSubscriptionStore;
const NOW = new Date('2026-03-02T09:15:00Z');

beforeAll(async () => {
  graph = await new GraphStub().start();
  graph.owners.add(CAROL.aadObjectId);
  h = await startTeams({
    env: { CYBERBRIEF_TEAMS_DEV: '1', CYBERBRIEF_TEAMS_ADMINS: `${BOB.aadObjectId}, dave@example.org` },
    deps: {
      now: () => NOW,
      ownerCheck: new GraphTeamOwnerCheck({
        baseUrl: graph.url,
        token: async (tenant) => `token-for-${tenant}`,
        log: silentLogger,
      }),
    },
  });
  subs = new KeyvSubscriptionStore(h.app.kv);
  h.connector.members.set(DAVE.id, {
    id: DAVE.id,
    name: DAVE.name,
    aadObjectId: DAVE.aadObjectId,
    userPrincipalName: 'Dave@example.org',
  });
});
afterAll(async () => {
  await h.close();
  await graph.close();
});
beforeEach(() => h.connector.reset());

async function say(text: string, opts: Partial<Parameters<typeof message>[1]> = {}): Promise<string> {
  const activity = message(text, { serviceUrl: h.connector.url, ...opts });
  expect((await h.post(activity)).status).toBe(200);
  const reply = await h.connector.waitFor((r) => r.method === 'POST' && r.replyToId === activity.id);
  return visibleTexts(cardsOf(reply.body)[0]).join('\n');
}

describe('in a personal chat', () => {
  test('subscribe saves a subscription with the conversation reference, subscriptions shows it, unsubscribe removes it', async () => {
    const personalId = 'a:personal-subscriber';
    const said = await say('subscribe 07:30 fr type:sanction', { personalId, localTimezone: 'Asia/Tokyo' });
    expect(said).toMatch(/Subscribed: a digest here on weekdays at 07:30 \(Asia\/Tokyo\), in French/);

    const saved = await subs.findByChannel('teams', personalId);
    expect(saved).toMatchObject({
      platform: 'teams',
      workspace: TENANT,
      cron: '30 7 * * 1-5',
      timezone: 'Asia/Tokyo',
      locale: 'fr',
      status: 'active',
      createdBy: ALICE.aadObjectId,
      createdAt: NOW.toISOString(),
    });
    expect(saved!.filters.types).toEqual(['sanction']);
    const ref = saved!.conversationRef as Json;
    expect(ref.serviceUrl).toBe(h.connector.url);
    expect(ref.conversation.id).toBe(personalId);
    expect(ref.bot.id).toBe('28:cyberbrief-test-bot');
    // The same reference is in the conversation store, for the delivery port.
    expect((await new KeyvConversationStore(h.app.kv).reference(personalId))?.conversation?.id).toBe(personalId);

    expect(await say('subscriptions', { personalId })).toMatch(
      /Digest on weekdays at 07:30 \(Asia\/Tokyo\), in French: active\.\nFilters: type:sanction/,
    );

    const again = await say('subscribe daily 18:00 actor:“paper heron”', { personalId });
    expect(again).toMatch(/Subscription updated: a digest here every day at 18:00/);
    const updated = await subs.findByChannel('teams', personalId);
    expect(updated!.id).toBe(saved!.id);
    expect(updated!.filters.actors).toEqual(['G9001']);

    expect(await say('unsubscribe', { personalId })).toMatch(/Unsubscribed/);
    expect(await subs.findByChannel('teams', personalId)).toBeUndefined();
    expect(await say('subscriptions', { personalId })).toMatch(/has no digest/);
  });

  test('a mistyped subscribe says what was wrong and shows an example', async () => {
    const said = await say('subscribe 25:99', { personalId: 'a:personal-typo' });
    expect(said).toMatch(/Could not subscribe: "25:99" is not a time of day/);
    expect(said).toMatch(/Example: subscribe 07:30 Europe\/Paris/);
    expect(await subs.findByChannel('teams', 'a:personal-typo')).toBeUndefined();
  });

  test('without a zone from the client, the configured zone is the default', async () => {
    await say('subscribe 08:00', { personalId: 'a:personal-nozone' });
    expect((await subs.findByChannel('teams', 'a:personal-nozone'))!.timezone).toBe('Europe/Paris');
  });
});

describe('in a channel, only team owners and admins change the digest', () => {
  test('a member who is neither is refused, and nothing is saved', async () => {
    const said = await say('subscribe 08:00', { where: 'channel', from: ALICE });
    expect(said).toMatch(/Only the team’s owners/);
    expect(await subs.findByChannel('teams', CHANNEL_ID)).toBeUndefined();
    // Graph was asked about Alice in this team, with a token for the team's tenant.
    const asked = graph.requests.at(-1)!;
    expect(decodeURIComponent(asked.url)).toContain(`/v1.0/teams/${TEAM.aadGroupId}/members`);
    expect(decodeURIComponent(asked.url)).toContain(ALICE.aadObjectId);
    expect(asked.authorization).toBe(`Bearer token-for-${TENANT}`);
  });

  test('a team owner (per Graph) may subscribe; the channel, not the thread, is subscribed', async () => {
    const said = await say('subscribe 08:00', { where: 'channel', from: CAROL });
    expect(said).toMatch(/Subscribed/);
    const sub = await subs.findByChannel('teams', CHANNEL_ID);
    expect(sub).toBeDefined();
    expect((sub!.conversationRef as Json).conversation.id).toBe(CHANNEL_ID);
    expect((sub!.conversationRef as Json).conversation.conversationType).toBe('channel');
  });

  test('an admin listed by object id may unsubscribe without asking Graph', async () => {
    const before = graph.requests.length;
    expect(await say('unsubscribe', { where: 'channel', from: BOB })).toMatch(/Unsubscribed/);
    expect(graph.requests.length).toBe(before);
  });

  test('an admin listed by user principal name is recognised through the member lookup', async () => {
    expect(await say('subscribe 09:00', { where: 'channel', from: DAVE })).toMatch(/Subscribed/);
    expect(
      h.connector.requests.some(
        (r) => r.method === 'GET' && r.path.endsWith(`/members/${encodeURIComponent(DAVE.id)}`),
      ),
    ).toBe(true);
  });

  test('anyone may still look up and list in a channel', async () => {
    expect(await say('subscriptions', { where: 'channel', from: ALICE })).toMatch(/Digest on weekdays at 09:00/);
  });
});

describe('install and removal', () => {
  test('adding the bot stores the conversation reference and says hello', async () => {
    const activity = botAdded({ serviceUrl: h.connector.url, where: 'groupChat' });
    expect((await h.post(activity)).status).toBe(200);
    const welcome = await h.connector.waitFor((r) => r.conversationId === '19:group-chat@thread.v2');
    expect(visibleTexts(cardsOf(welcome.body)[0]).join('\n')).toMatch(/cyberbrief wannacry/);
    const stored = await new KeyvConversationStore(h.app.kv).get('19:group-chat@thread.v2');
    expect(stored?.reference.serviceUrl).toBe(h.connector.url);
    expect(stored?.removedAt).toBeUndefined();
  });

  test('removing the bot pauses the conversation’s digest with the reason, and forgets the reference', async () => {
    await say('subscribe 08:00', { personalId: 'a:personal-removed' });
    const activity = botRemoved({ serviceUrl: h.connector.url, personalId: 'a:personal-removed' });
    expect((await h.post(activity)).status).toBe(200);
    const sub = await subs.findByChannel('teams', 'a:personal-removed');
    expect(sub?.status).toBe('paused');
    expect(sub?.pausedReason).toMatch(/removed from this conversation/);
    expect(await new KeyvConversationStore(h.app.kv).reference('a:personal-removed')).toBeUndefined();
    // Subscribing again (after re-adding the bot) resumes it.
    await say('subscribe 08:00', { personalId: 'a:personal-removed' });
    expect((await subs.findByChannel('teams', 'a:personal-removed'))?.status).toBe('active');
  });
});
