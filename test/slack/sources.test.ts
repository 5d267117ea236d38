import { blockKitProblems } from './support/block-kit';
import { type Harness, startHarness } from './support/harness';
import { FORBIDDEN, HOSTILE_TEXT } from './support/hostile';
import { postToSlackEndpoint, slashCommandBody } from './support/signed';

type Obj = Record<string, unknown>;

let n = 0;
const rid = () => `src${++n}`;

async function command(h: Harness, text: string, o: { channel?: string; user?: string } = {}): Promise<Obj> {
  const id = rid();
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({ text, responseUrl: h.fake.responseUrl(id), ...o }),
  );
  expect(res.status).toBe(200);
  const [answer] = await h.fake.waitForCount((r) => r.responseId === id, 1);
  return answer!.body;
}

/** Everything Slack would render from an answer: its fallback text and every text in its blocks. */
const rendered = (answer: Obj): string => `${String(answer.text)}\n${JSON.stringify(answer.blocks ?? [])}`;

const NOW = new Date('2026-03-02T09:00:00Z');

describe('/cyberbrief sources', () => {
  let h: Harness;
  let feedUrl: string;
  beforeAll(async () => {
    h = await startHarness({}, { now: () => NOW, appEnv: { CYBERBRIEF_FETCH_ALLOW: '127.0.0.1' } });
    h.fake.admins.add('U0ADMIN');
    // Nothing listens there: following a feed needs no fetch, the server's poller reads it later.
    feedUrl = `${h.baseUrl}/feed.xml`;
  });
  afterAll(async () => {
    await h.close();
  });

  test('with no feed followed, anyone is told so and how admins add one', async () => {
    const answer = await command(h, 'sources', { user: 'U0PLAIN' });
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toContain('/cyberbrief sources add');
  });

  test('someone who is not an admin cannot add a feed, and nothing is stored', async () => {
    const answer = await command(h, `sources add ${feedUrl} fr cert`, { user: 'U0PLAIN' });
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toContain('CYBERBRIEF_SLACK_ADMINS');
    expect(await h.feeds.store.list()).toEqual([]);
    expect(h.fake.api('users.info').some((c) => c.body.user === 'U0PLAIN')).toBe(true);
  });

  test('an admin adds a feed with language and kind: it is stored and listed', async () => {
    // Slack may wrap a pasted link in angle brackets.
    const answer = await command(h, `sources add <${feedUrl}> fr cert`, { user: 'U0ADMIN' });
    expect(answer.response_type).toBe('ephemeral');
    const stored = await h.feeds.store.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      url: feedUrl,
      language: 'fr',
      kind: 'cert',
      origin: 'added',
      addedAt: NOW.toISOString(),
    });
    expect(String(answer.text)).toContain(stored[0]!.id);

    const listed = await command(h, 'sources list', { user: 'U0PLAIN' });
    expect(blockKitProblems(listed as never)).toEqual([]);
    expect(rendered(listed)).toContain(stored[0]!.id);
    expect(rendered(listed)).toContain('fr, cert');
    expect(rendered(listed)).toContain('never polled');
  });

  test('the last poll outcome is shown, in the channel’s language', async () => {
    const [feed] = await h.feeds.store.list();
    await h.feeds.store.saveState(feed!.id, {
      failures: 2,
      seen: [],
      lastStatus: 'failed',
      lastPolledAt: NOW.toISOString(),
      lastReason: 'HTTP 503',
    });
    const listed = await command(h, 'sources', { user: 'U0PLAIN' });
    expect(rendered(listed)).toContain('failed 2× in a row: HTTP 503');
    await command(h, 'lang fr', { user: 'U0ADMIN', channel: 'C0FR' });
    const french = await command(h, 'sources', { user: 'U0PLAIN', channel: 'C0FR' });
    expect(rendered(french)).toContain('échec 2× de suite : HTTP 503');
  });

  test('a URL the store refuses comes back as a clear message with an example, and nothing is stored', async () => {
    const answer = await command(h, 'sources add ftp://files.example.org/feed', { user: 'U0ADMIN' });
    expect(String(answer.text)).toContain('not an http or https URL');
    expect(String(answer.text)).toContain('/cyberbrief sources add https://');
    const again = await command(h, `sources add ${feedUrl}`, { user: 'U0ADMIN' });
    expect(String(again.text)).toContain('already followed');
    const odd = await command(h, `sources add ${h.baseUrl}/other.xml klingon`, { user: 'U0ADMIN' });
    expect(String(odd.text)).toContain('klingon');
    expect(await h.feeds.store.list()).toHaveLength(1);
  });

  test('a hostile feed title and poll reason are shown inert: no broadcast, mention or forged link', async () => {
    const r = await h.feeds.store.add(
      { url: `${h.baseUrl}/hostile.xml`, title: `${HOSTILE_TEXT} [click](http://evil.example/md)` },
      NOW,
    );
    if (!r.ok) throw new Error(r.error);
    await h.feeds.store.saveState(r.feed.id, {
      failures: 1,
      seen: [],
      lastStatus: 'refused',
      lastReason: '<!here> <http://evil.example|ok>',
    });
    const listed = await command(h, 'sources', { user: 'U0PLAIN' });
    const all = rendered(listed);
    for (const bad of [...FORBIDDEN, '<!here>', '<http://evil.example|ok>']) expect(all).not.toContain(bad);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('[click](http://evil.example/md)');
    expect(blockKitProblems(listed as never)).toEqual([]);
    await h.feeds.store.remove(r.feed.id, NOW);
  });

  test('remove: admins only; by id or URL; an unknown feed is said to be unknown', async () => {
    const [feed] = await h.feeds.store.list();
    const denied = await command(h, `sources remove ${feed!.id}`, { user: 'U0PLAIN' });
    expect(String(denied.text)).toContain('CYBERBRIEF_SLACK_ADMINS');
    expect(await h.feeds.store.list()).toHaveLength(1);

    const done = await command(h, `sources remove ${feed!.id}`, { user: 'U0ADMIN' });
    expect(String(done.text)).toContain(feed!.id);
    expect(await h.feeds.store.list()).toEqual([]);

    const unknown = await command(h, 'sources remove <!channel>', { user: 'U0ADMIN' });
    expect(String(unknown.text)).toContain('&lt;!channel&gt;');
    expect(String(unknown.text)).not.toContain('<!channel>');

    await command(h, `sources add ${feedUrl}`, { user: 'U0ADMIN' });
    await command(h, `sources remove ${feedUrl}`, { user: 'U0ADMIN' });
    expect(await h.feeds.store.list()).toEqual([]);
  });

  test('an unknown action (such as poll) shows the usage, and the help lists sources', async () => {
    const usage = await command(h, 'sources poll', { user: 'U0ADMIN' });
    expect(rendered(usage)).toContain('sources add');
    expect(rendered(usage)).toContain('schedule');
    const help = await command(h, 'help');
    expect(rendered(help)).toContain('/cyberbrief sources');
  });
});

describe('/cyberbrief sources with CYBERBRIEF_SLACK_ADMINS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CYBERBRIEF_SLACK_ADMINS: 'U0LISTED' });
  });
  afterAll(async () => {
    await h.close();
  });

  test('a listed user adds a feed without being a workspace admin', async () => {
    await command(h, `sources add ${h.baseUrl}/listed.xml en news`, { user: 'U0LISTED' });
    expect(await h.feeds.store.list()).toEqual([expect.objectContaining({ language: 'en', kind: 'news' })]);
    expect(h.fake.api('users.info')).toHaveLength(0);
  });
});
