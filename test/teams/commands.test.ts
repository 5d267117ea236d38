import { ALICE, CHANNEL_ID, buttonPress, message } from './support/activities';
import { cardsOf, expectGoodCard, visibleTexts, type Json } from './support/cards';
import { startTeams, type TeamsHarness } from './support/harness';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeams();
});
afterAll(async () => h.close());
beforeEach(() => h.connector.reset());

/** Sends a message and returns the card the bot posted back. */
async function ask(text: string, opts: Partial<Parameters<typeof message>[1]> = {}) {
  const activity = message(text, { serviceUrl: h.connector.url, ...opts });
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  const reply = await h.connector.waitFor((r) => r.method === 'POST' && r.replyToId === activity.id);
  const [card] = cardsOf(reply.body);
  expectGoodCard(card);
  return { activity, reply, card, texts: visibleTexts(card) };
}

describe('lookups by message', () => {
  test('a query in a personal chat gets the brief card as a reply to that message', async () => {
    const { activity, reply, card, texts } = await ask('cyberbrief harbor lights');
    expect(reply.conversationId).toBe(activity.conversation.id);
    expect(reply.body.type).toBe('message');
    expect(reply.body.replyToId).toBe(activity.id);
    expect(card.body[0].text).toBe('Harbor Lights intrusion');
    expect(texts.some((t) => t === 'Timeline')).toBe(true);
    expect(texts.some((t) => /Norway attributed .*Paper Heron.*\[\d+\]$/.test(t))).toBe(true);
    // A notification line exists even though the message is only a card.
    expect(reply.body.summary).toMatch(/Harbor Lights intrusion/);
    // Sources open their URL.
    const sources = card.actions.find((a: Json) => a.title.startsWith('Sources'));
    const urls = sources.card.body.map((row: Json) => row.selectAction?.url);
    expect(urls).toContain('https://cert.example.org/advisories/harbor-lights');
  });

  test('the bare name works too, and a channel @mention is stripped before reading the command', async () => {
    const personal = await ask('paper heron');
    expect(personal.card.body[0].text).toBe('Paper Heron');
    const inChannel = await ask('harbor lights', { where: 'channel' });
    expect(inChannel.activity.text).toContain('<at>cyberbrief</at>');
    expect(inChannel.card.body[0].text).toBe('Harbor Lights intrusion');
    // Replies in a channel stay in the thread of the message they answer.
    expect(inChannel.reply.conversationId).toBe(inChannel.activity.conversation.id);
    expect(inChannel.reply.conversationId?.startsWith(`${CHANNEL_ID};messageid=`)).toBe(true);
  });

  test('the user’s Teams language picks French', async () => {
    const { card } = await ask('harbor lights', { locale: 'fr-FR' });
    expect(card.body[0].text).toBe('Intrusion Harbor Lights');
  });

  test('an ambiguous name offers buttons, and a button brings the chosen brief', async () => {
    const { card } = await ask('harbor');
    expect(card.body[0].text).toMatch(/Several matches for “harbor”/);
    const titles = card.actions.map((a: Json) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Harbor Lights intrusion · Incident · 2021', 'Harbor Tide leak · Incident · 2019']),
    );
    const tide = card.actions.find((a: Json) => a.title.startsWith('Harbor Tide leak'));
    expect(tide.type).toBe('Action.Submit');
    const press = buttonPress(tide.data, { serviceUrl: h.connector.url });
    expect((await h.post(press)).status).toBe(200);
    const reply = await h.connector.waitFor((r) => r.replyToId === press.id);
    expect(cardsOf(reply.body)[0].body[0].text).toBe('Harbor Tide leak');
  });

  test('an unknown name says so instead of guessing', async () => {
    const { card } = await ask('qwxzv plorb');
    expect(card.body[0].text).toMatch(/No match for “qwxzv plorb”/);
  });
});

describe('other commands', () => {
  test('help, and an empty message, list the commands', async () => {
    for (const text of ['help', '']) {
      const { texts } = await ask(text);
      expect(texts.join('\n')).toMatch(/subscribe \[time\]/);
      expect(texts.join('\n')).toMatch(/lang en/);
    }
  });

  test('latest lists the newest developments recorded', async () => {
    const { texts, card } = await ask('latest');
    expect(card.body[0].text).toBe('Latest developments');
    // The fixture's newest development is the attribution of 16 April 2021.
    expect(texts.some((t) => /Attribution: The government says Paper Heron/.test(t))).toBe(true);
  });

  test('lang fr switches this conversation to French, whatever the client language', async () => {
    const personalId = 'a:personal-conversation-lang';
    const set = await ask('lang fr', { personalId });
    expect(set.texts.join(' ')).toMatch(/en français/);
    const after = await ask('harbor lights', { personalId, locale: 'en-GB' });
    expect(after.card.body[0].text).toBe('Intrusion Harbor Lights');
    const other = await ask('harbor lights', { personalId: 'a:another-personal-chat', locale: 'en-GB' });
    expect(other.card.body[0].text).toBe('Harbor Lights intrusion');
    const bad = await ask('lang de', { personalId });
    expect(bad.texts.join(' ')).toMatch(/lang fr ou lang en/);
  });

  test('a failure inside a command is told to the user and logged, not thrown at Teams', async () => {
    const original = h.app.briefing.latest.bind(h.app.briefing);
    h.app.briefing.latest = () => {
      throw new Error('store went away');
    };
    try {
      const { texts } = await ask('latest');
      expect(texts.join(' ')).toMatch(/something went wrong/);
      expect(h.logs.some((l) => l.event === 'teams.command_failed' && l.error === 'store went away')).toBe(true);
    } finally {
      h.app.briefing.latest = original;
    }
  });
});

test('the reply comes from the bot to the user, in the same tenant', async () => {
  const { reply } = await ask('harbor lights');
  expect(reply.body.from.id).toBe('28:cyberbrief-test-bot');
  expect(reply.body.recipient.id).toBe(ALICE.id);
});
