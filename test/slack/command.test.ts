import { blockKitProblems, markupTexts } from './support/block-kit';
import { addHostileIncident, FORBIDDEN } from './support/hostile';
import { type Harness, startHarness } from './support/harness';
import { postToSlackEndpoint, signatureHeaders, SIGNING_SECRET, slashCommandBody } from './support/signed';

type Obj = Record<string, unknown>;

let h: Harness;
let n = 0;
/** A fresh response URL per request, so each test finds its own answer. */
const rid = () => `r${++n}`;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Sends a command; its answer is the ack's body when it carries one, else what was posted to the response URL. */
async function command(
  text: string,
  extra: { channel?: string; user?: string } = {},
): Promise<{ id: string; status: number; answer: Obj; inAck: boolean }> {
  const id = rid();
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    slashCommandBody({ text, responseUrl: h.fake.responseUrl(id), ...extra }),
  );
  if (res.text !== '') return { id, status: res.status, answer: JSON.parse(res.text) as Obj, inAck: true };
  const answer = (await h.fake.waitFor((r) => r.responseId === id)).body;
  return { id, status: res.status, answer, inAck: false };
}

const blocksOf = (m: Obj) => (m.blocks ?? []) as Obj[];
const buttons = (m: Obj) =>
  blocksOf(m)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Obj[]);

describe('/cyberbrief lookups over signed HTTP', () => {
  test('the command is acknowledged before the brief is posted', async () => {
    // The fake holds the response_url post: if the app waited for it before acknowledging,
    // the command's HTTP response would never come while the brief is held.
    h.fake.hold();
    const id = rid();
    const ackP = postToSlackEndpoint(
      h.eventsUrl,
      slashCommandBody({ text: 'wannacry', responseUrl: h.fake.responseUrl(id), channel: 'C0FIRST' }),
    );
    const [ack, posted] = await Promise.all([ackP, h.fake.waitFor((r) => r.responseId === id)]);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    h.fake.release();
    expect(posted.body.response_type).toBe('ephemeral');
  });

  test('once the channel’s language is known, a lookup is answered inside the ack, with no second request', async () => {
    const first = await command('wannacry', { channel: 'C0SECOND' });
    const second = await command('wannacry', { channel: 'C0SECOND' });
    expect(first.inAck).toBe(false);
    expect(second.inAck).toBe(true);
    expect(second.answer).toEqual(first.answer);
    // A later request is answered; the in-ack one never produced a response_url post.
    await command('help');
    expect(h.fake.responses(second.id)).toHaveLength(0);
  });

  test('a found brief: header, fields, short timeline, expand buttons and "Post to channel", inside the limits', async () => {
    const expected = h.app.briefing.brief('wannacry', 'en');
    expect(expected.status).toBe('found');
    const { status, answer } = await command('wannacry');
    expect(status).toBe(200);
    expect(answer.response_type).toBe('ephemeral');
    expect(blockKitProblems(answer)).toEqual([]);
    const blocks = blocksOf(answer);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: expected.title } });
    expect(typeof answer.text).toBe('string');
    expect(String(answer.text)).toContain(expected.title);
    const ids = buttons(answer).map((b) => b.action_id);
    expect(ids).toEqual(
      expect.arrayContaining(['cyberbrief_show_timeline', 'cyberbrief_show_sources', 'cyberbrief_post']),
    );
    // Attribution is a section of dated, cited statements.
    const sectionTexts = blocks
      .filter((b) => b.type === 'section')
      .map((b) => String((b.text as Obj | undefined)?.text));
    if (expected.attribution.length > 0) expect(sectionTexts.some((t) => t.startsWith('*Attribution*'))).toBe(true);
    // The timeline is one click away, for the clicker only.
    expect(buttons(answer).map((b) => b.action_id)).toContain('cyberbrief_show_timeline');
  });

  test('`public` posts the brief in the channel, credited, without a "Post to channel" button', async () => {
    const { answer } = await command('wannacry public', { user: 'U0BOB' });
    expect(answer.response_type).toBe('in_channel');
    expect(buttons(answer).map((b) => b.action_id)).not.toContain('cyberbrief_post');
    expect(JSON.stringify(answer.blocks)).toContain('<@U0BOB>');
  });

  test('nothing found: suggestions as buttons when there are any, and a hint', async () => {
    const query = 'qwxzzv';
    const expected = h.app.briefing.brief(query, 'en');
    expect(expected.status).toBe('not_found');
    const { answer } = await command(query);
    expect(answer.response_type).toBe('ephemeral');
    expect(blockKitProblems(answer)).toEqual([]);
    const labels = buttons(answer).map((b) => String((b.text as Obj).text));
    expect(labels.at(-1)).toBe('Help');
    expect(labels.slice(0, -1)).toHaveLength((expected.candidates ?? []).slice(0, 10).length);
    for (const l of labels.slice(0, -1)) expect([...l].length).toBeLessThanOrEqual(75);
    expect(JSON.stringify(answer.blocks)).toContain('/cyberbrief help');
  });

  test('an ambiguous query lists its candidates as buttons that open the brief', async () => {
    const query = ['2017', 'apt', 'ukraine', 'russia', 'china', 'election', 'ransomware'].find(
      (q) => h.app.briefing.brief(q, 'en').status === 'ambiguous',
    );
    if (query === undefined) throw new Error('no ambiguous query in the knowledge base to test with');
    const expected = h.app.briefing.brief(query, 'en');
    const { answer } = await command(query);
    const shown = buttons(answer);
    expect(shown.map((b) => JSON.parse(String(b.value)).id)).toEqual(
      (expected.candidates ?? []).slice(0, 10).map((c) => c.id),
    );
    expect(shown.every((b) => /^cyberbrief_open_\d+$/.test(String(b.action_id)))).toBe(true);
  });

  test('help, latest and an empty command answer privately', async () => {
    for (const text of ['help', '', 'latest']) {
      const { answer } = await command(text);
      expect(answer.response_type).toBe('ephemeral');
      expect(blockKitProblems(answer)).toEqual([]);
    }
    const latest = (await command('latest')).answer;
    const items = h.app.briefing.latest('en', 10);
    const body = JSON.stringify(latest.blocks);
    for (const item of items.slice(0, 3))
      expect(body).toContain(
        JSON.stringify(item.incident.name)
          .slice(1, -1)
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;'),
      );
  });

  test('`lang fr` makes the channel’s briefs French', async () => {
    const channel = 'C0FRENCH';
    const set = await command('lang fr', { channel });
    expect(String(set.answer.text)).toMatch(/français/);
    const fr = h.app.briefing.brief('wannacry', 'fr');
    const { answer } = await command('wannacry', { channel });
    expect(blocksOf(answer)[0]).toMatchObject({ type: 'header', text: { text: fr.title } });
    const other = await command('wannacry', { channel: 'C0OTHER' });
    expect(blocksOf(other.answer)[0]).toMatchObject({ text: { text: h.app.briefing.brief('wannacry', 'en').title } });
    const bad = await command('lang de', { channel });
    expect(String(bad.answer.text)).toContain('/cyberbrief lang en');
  });
});

describe('content that tries to be markup', () => {
  test('an article’s <!channel>, <@U…> and forged links arrive escaped in every view, inside the limits', async () => {
    await addHostileIncident(h.app.briefing, { id: 'cmd-hostile', developments: 60, sources: 20, textLength: 700 });
    const { answer } = await command('cmd-hostile-alias', { channel: 'C0HOSTILE' });
    expect(blockKitProblems(answer)).toEqual([]);
    const texts = markupTexts(answer).join('\n');
    expect(texts).toContain('&lt;!channel&gt;');
    for (const bad of FORBIDDEN) expect(texts).not.toContain(bad);
    const publicOne = await command('cmd-hostile-alias public', { channel: 'C0HOSTILE', user: 'U0POSTER' });
    const shown = markupTexts(publicOne.answer).join('\n');
    for (const bad of FORBIDDEN) expect(shown).not.toContain(bad);
    expect(shown.match(/<@[A-Z0-9]+>/g)).toEqual(['<@U0POSTER>']);
  });
});

describe('request signatures', () => {
  async function refused(headers: Record<string, string>, body: string): Promise<void> {
    const res = await postToSlackEndpoint(h.eventsUrl, body, { headers });
    expect(res.status).toBe(401);
  }

  test('a wrong signature, a stale timestamp or no signature: 401, and nothing is processed', async () => {
    const badId = rid();
    const body = slashCommandBody({ text: 'wannacry', responseUrl: h.fake.responseUrl(badId) });
    await refused(signatureHeaders(body, 'ffffffffffffffffffffffffffffffff'), body);
    await refused(signatureHeaders(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 6 * 60), body);
    await refused({}, body);
    // A body changed after signing (here: the query) is refused too.
    const signedFor = signatureHeaders(body);
    await refused(signedFor, body.replace('wannacry', 'notpetya'));
    // A good request afterwards is answered; the refused ones never reached a listener.
    const { status } = await command('wannacry');
    expect(status).toBe(200);
    expect(h.fake.responses(badId)).toHaveLength(0);
  });
});

describe('a slow store', () => {
  let slow: Harness;
  const pending: (() => void)[] = [];
  beforeAll(async () => {
    // Every channel-language read waits until the test lets it through: a store under heavy load.
    slow = await startHarness(
      {},
      {
        wrapChannels: (store) => ({
          getLocale: async (platform, channel) => {
            await new Promise<void>((r) => pending.push(r));
            return store.getLocale(platform, channel);
          },
          setLocale: (platform, channel, locale) => store.setLocale(platform, channel, locale),
        }),
      },
    );
  });
  afterAll(async () => {
    for (const go of pending.splice(0)) go();
    await slow.close();
  });

  test('does not delay the ack: the command is acknowledged while the store has not answered', async () => {
    const res = await postToSlackEndpoint(
      slow.eventsUrl,
      slashCommandBody({ text: 'wannacry', responseUrl: slow.fake.responseUrl('slow1'), channel: 'C0SLOW' }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(pending).toHaveLength(1);
    expect(slow.fake.responses('slow1')).toHaveLength(0);
    for (const go of pending.splice(0)) go();
    const posted = await slow.fake.waitFor((r) => r.responseId === 'slow1');
    expect((posted.body.blocks as Obj[])[0]).toMatchObject({ type: 'header' });
  });
});
