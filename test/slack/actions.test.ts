import { blockKitProblems } from './support/block-kit';
import { type Harness, startHarness } from './support/harness';
import { blockActionBody, postToSlackEndpoint, slashCommandBody } from './support/signed';

type Obj = Record<string, unknown>;

let h: Harness;
let n = 0;
const rid = () => `a${++n}`;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const blocksOf = (m: Obj) => (m.blocks ?? []) as Obj[];
const buttons = (m: Obj) =>
  blocksOf(m)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Obj[]);
const sectionTexts = (m: Obj) =>
  blocksOf(m)
    .filter((b) => b.type === 'section' && b.text)
    .map((b) => String((b.text as Obj).text));

/** The brief as the user sees it: in the ack's body, or posted to the response URL. */
async function lookup(text: string): Promise<Obj> {
  const id = rid();
  const res = await postToSlackEndpoint(h.eventsUrl, slashCommandBody({ text, responseUrl: h.fake.responseUrl(id) }));
  if (res.text !== '') return JSON.parse(res.text) as Obj;
  return (await h.fake.waitFor((r) => r.responseId === id)).body;
}

/** Clicks a button of a recorded message, as Slack would post it; returns every answer to that click. */
async function click(
  message: Obj,
  actionId: string,
  opts: { ephemeral: boolean; answers?: number; user?: string },
): Promise<Obj[]> {
  const b = buttons(message).find((x) => x.action_id === actionId);
  if (!b) throw new Error(`no button ${actionId}`);
  const id = rid();
  const res = await postToSlackEndpoint(
    h.eventsUrl,
    blockActionBody({
      actionId,
      value: String(b.value),
      responseUrl: h.fake.responseUrl(id),
      ephemeral: opts.ephemeral,
      ...(opts.user ? { user: opts.user } : {}),
    }),
  );
  expect(res.status).toBe(200);
  const all = await h.fake.waitForCount((r) => r.responseId === id, opts.answers ?? 1);
  return all.map((r) => r.body);
}

describe('brief buttons', () => {
  test('"Timeline" answers the clicker alone with every statement, never rewriting the message', async () => {
    const brief = h.app.briefing.brief('wannacry', 'en');
    const first = await lookup('wannacry');
    const [answer] = await click(first, 'cyberbrief_show_timeline', { ephemeral: true });
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockKitProblems(answer!)).toEqual([]);
    const entries = sectionTexts(answer!)
      .join('\n')
      .split('\n')
      .filter((l) => /\[\d+\]$/.test(l));
    expect(entries).toHaveLength(brief.screen!.timeline.length);
    const ids = buttons(answer!).map((b) => b.action_id);
    expect(ids).not.toContain('cyberbrief_show_timeline');
    expect(ids).not.toContain('cyberbrief_post');
  });

  test('"Sources" lists every source as a link', async () => {
    const brief = h.app.briefing.brief('wannacry', 'en');
    const [answer] = await click(await lookup('wannacry'), 'cyberbrief_show_sources', { ephemeral: true });
    const text = sectionTexts(answer!).join('\n');
    for (const s of brief.sources.filter((x) => x.url)) expect(text).toContain(`<${s.url!.replace(/&/g, '&amp;')}|`);
  });

  test('"Related" offers the related incidents as buttons that open their brief', async () => {
    const brief = h.app.briefing.brief('wannacry', 'en');
    if (brief.related.length === 0) throw new Error('wannacry has no related incident in the knowledge base');
    const [answer] = await click(await lookup('wannacry'), 'cyberbrief_show_related', { ephemeral: true });
    const open = buttons(answer!).filter((b) => String(b.action_id).startsWith('cyberbrief_open_'));
    expect(open.map((b) => JSON.parse(String(b.value)).id)).toEqual(brief.related.slice(0, 10).map((r) => r.id));
    const [opened] = await click(answer!, String(open[0]!.action_id), { ephemeral: true });
    expect(blocksOf(opened!)[0]).toMatchObject({ type: 'header', text: { text: brief.related[0]!.name } });
  });

  test('"Post to channel" posts the brief for everyone, credited, and removes the private copy', async () => {
    const first = await lookup('wannacry');
    const [posted, removed] = await click(first, 'cyberbrief_post', { ephemeral: true, answers: 2, user: 'U0CAROL' });
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(buttons(posted!).map((b) => b.action_id)).not.toContain('cyberbrief_post');
    expect(JSON.stringify(posted!.blocks)).toContain('<@U0CAROL>');
    expect(removed).toEqual({ delete_original: true });
    // Expanding the posted brief answers the clicker alone and leaves the shared message as it is.
    const [expanded] = await click(posted!, 'cyberbrief_show_timeline', { ephemeral: false });
    expect(expanded).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  test('a tampered button value is ignored, not answered with a stack trace', async () => {
    const id = rid();
    const res = await postToSlackEndpoint(
      h.eventsUrl,
      blockActionBody({
        actionId: 'cyberbrief_show_timeline',
        value: '{"k":"nope"}',
        responseUrl: h.fake.responseUrl(id),
        ephemeral: true,
      }),
    );
    expect(res.status).toBe(200);
    // A later click is answered; the tampered one never was.
    const good = await lookup('wannacry');
    expect(good.blocks).toBeDefined();
    expect(h.fake.responses(id)).toHaveLength(0);
    expect(h.logs.some((l) => l.includes('slack.action_rejected'))).toBe(true);
  });
});
