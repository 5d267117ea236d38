import type { TeamOwnerCheck } from '../../adapters/teams/bot/team-owners';
import { FeedSourceStore } from '../../src/feeds/feed-source-store';
import { ALICE, BOB, message } from './support/activities';
import { cardsOf, expectGoodCard, visibleTexts } from './support/cards';
import { startTeams, type TeamsHarness } from './support/harness';

const CAROL = { id: '29:carol-teams-id', aadObjectId: '0c0c0c0c-0000-4000-8000-000000000c0c', name: 'Carol' };
const NOW = new Date('2026-03-02T09:15:00Z');

/** Team ownership as Graph would answer it; records who was asked about. */
class Owners implements TeamOwnerCheck {
  readonly asked: string[] = [];
  readonly owners = new Set([CAROL.aadObjectId]);
  async isOwner(q: { userAadObjectId: string }): Promise<boolean> {
    this.asked.push(q.userAadObjectId);
    return this.owners.has(q.userAadObjectId);
  }
}

let h: TeamsHarness;
let feeds: FeedSourceStore;
let owners: Owners;
let feedUrl: string;

beforeAll(async () => {
  owners = new Owners();
  h = await startTeams({
    env: { CYBERBRIEF_TEAMS_DEV: '1', CYBERBRIEF_TEAMS_ADMINS: BOB.aadObjectId, CYBERBRIEF_FETCH_ALLOW: '127.0.0.1' },
    deps: { now: () => NOW, ownerCheck: owners },
  });
  feeds = new FeedSourceStore(h.app.kv);
  // Nothing needs to answer there: following a feed fetches nothing, the server's poller reads it later.
  feedUrl = `${h.endpoint.replace('/api/messages', '')}/feed.xml`;
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.connector.reset());

async function say(text: string, opts: Partial<Parameters<typeof message>[1]> = {}): Promise<string> {
  const activity = message(text, { serviceUrl: h.connector.url, ...opts });
  expect((await h.post(activity)).status).toBe(200);
  const reply = await h.connector.waitFor((r) => r.method === 'POST' && r.replyToId === activity.id);
  const [card] = cardsOf(reply.body);
  expectGoodCard(card);
  return visibleTexts(card).join('\n');
}

test('with no feed followed, anyone is told so and how admins add one', async () => {
  expect(await say('sources')).toContain('sources add ＜url＞');
});

test('in a personal chat, someone who is not an admin cannot add a feed, and nothing is stored', async () => {
  const said = await say(`sources add ${feedUrl} fr cert`, { from: ALICE });
  expect(said).toContain('can change which feeds');
  expect(await feeds.list()).toEqual([]);
});

test('in a team channel, a member who owns neither the team nor a place on the list is refused', async () => {
  const said = await say(`sources add ${feedUrl}`, { where: 'channel', from: ALICE });
  expect(said).toContain('can change which feeds');
  expect(owners.asked).toContain(ALICE.aadObjectId);
  expect(await feeds.list()).toEqual([]);
});

test('a listed admin adds a feed with language and kind: it is stored and listed for everyone', async () => {
  const said = await say(`sources add ${feedUrl} fr cert`, { from: BOB });
  const stored = await feeds.list();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    url: feedUrl,
    language: 'fr',
    kind: 'cert',
    origin: 'added',
    addedAt: NOW.toISOString(),
  });
  expect(said).toContain(stored[0]!.id);

  const listed = await say('sources list', { from: ALICE });
  expect(listed).toContain('Followed feeds (1)');
  expect(listed).toContain(`${stored[0]!.id} (fr, cert): never polled`);
});

test('the last poll outcome is shown, in the conversation’s language', async () => {
  const [feed] = await feeds.list();
  await feeds.saveState(feed!.id, {
    failures: 3,
    seen: [],
    lastStatus: 'refused',
    lastPolledAt: NOW.toISOString(),
    lastReason: 'robots.txt disallows it',
  });
  expect(await say('sources')).toContain('refused 3× in a row');
  expect(await say('sources', { locale: 'fr-FR', personalId: 'a:personal-french' })).toContain('refusé 3× de suite');
});

test('a team owner may add in the team’s channel; a URL the store refuses comes back with an example', async () => {
  const said = await say('sources add ftp://files.example.org/feed', { where: 'channel', from: CAROL });
  expect(said).toContain('not an http or https URL');
  expect(said).toContain('Example: sources add https');
  expect(await say(`sources add ${feedUrl}`, { where: 'channel', from: CAROL })).toContain('already followed');
  expect(await say(`sources add ${feedUrl}-2 klingon`, { from: BOB })).toContain('klingon');
  expect(await feeds.list()).toHaveLength(1);
});

test('a hostile feed title and poll reason stay plain text: no mention, link or markdown', async () => {
  const r = await feeds.add(
    {
      url: `${feedUrl}?hostile`,
      title: '<at>Everyone</at> <!channel> [click here](http://evil.example/steal) **now**',
    },
    NOW,
  );
  if (!r.ok) throw new Error(r.error);
  await feeds.saveState(r.feed.id, {
    failures: 1,
    seen: [],
    lastStatus: 'failed',
    lastReason: '[login](https://evil.example/x)',
  });
  const listed = await say('sources');
  expect(listed).toContain(r.feed.id);
  for (const bad of [
    '<at>',
    '<!channel>',
    '[click here](',
    'http://evil.example',
    'https://evil.example',
    '**now**',
    '[login](',
  ])
    expect(listed).not.toContain(bad);
  await feeds.remove(r.feed.id, NOW);
});

test('remove: admins only; by id or URL; an unknown feed is said to be unknown', async () => {
  const [feed] = await feeds.list();
  expect(await say(`sources remove ${feed!.id}`, { from: ALICE })).toContain('can change which feeds');
  expect(await feeds.list()).toHaveLength(1);

  expect(await say(`sources remove ${feed!.id}`, { from: BOB })).toContain(feed!.id);
  expect(await feeds.list()).toEqual([]);
  expect(await say(`sources remove ${feed!.id}`, { from: BOB })).toContain('No followed feed');

  await say(`sources add ${feedUrl}`, { from: BOB });
  expect(await feeds.list()).toHaveLength(1);
  await say(`sources remove ${feedUrl}`, { from: BOB });
  expect(await feeds.list()).toEqual([]);
});

test('an unknown action (such as poll) shows the usage; help lists sources', async () => {
  const usage = await say('sources poll', { from: BOB });
  expect(usage).toContain('sources add ＜url＞');
  expect(usage).toContain('schedule');
  expect(await say('help')).toContain('sources add ＜url＞');
});
