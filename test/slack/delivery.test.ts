import { composeDigest } from '../../src/digest/compose';
import type { Digest } from '../../src/domain/digest';
import type { Subscription } from '../../src/domain/subscription';
import { createSubscription } from '../../src/subscriptions/create-subscription';
import { blockKitProblems, markupTexts } from './support/block-kit';
import { addHostileIncident, FORBIDDEN } from './support/hostile';
import { type Harness, startHarness } from './support/harness';

let h: Harness;
let digest: Digest;
let k = 0;

beforeAll(async () => {
  h = await startHarness();
  digest = composeDigest(h.app.briefing.data, {
    since: '2000-01-01T00:00:00Z',
    until: '2100-01-01T00:00:00Z',
    locale: 'en',
    cap: 40,
  });
});
afterAll(async () => {
  await h.close();
});

function sub(channel: string, extra: Partial<Subscription> = {}): Subscription {
  return {
    ...createSubscription({
      platform: 'slack',
      channel,
      workspace: 'T0TEST',
      createdBy: 'U0ADMIN',
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'en',
      filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
      emptyDigest: 'skip',
      now: new Date('2026-03-02T07:00:00Z'),
    }),
    ...extra,
  };
}

/** A channel id no other test uses, so recorded calls are this test's own. */
const channel = (prefix = 'C') => `${prefix}0DELIV${++k}`;
const posts = (ch: string) => h.fake.api('chat.postMessage').filter((c) => c.body.channel === ch);

describe('SlackDeliveryPort', () => {
  test('a digest is a headline in the channel and its details in that message’s thread', async () => {
    expect(digest.incidents.length).toBeGreaterThan(1);
    const ch = channel();
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result.status).toBe('delivered');
    const [headline, ...thread] = posts(ch);
    expect(headline!.body.thread_ts).toBeUndefined();
    expect(result).toEqual({ status: 'delivered', messageId: expect.any(String) });
    expect(thread.length).toBeGreaterThan(0);
    for (const t of thread) expect(t.body.thread_ts).toBe((result as { messageId: string }).messageId);
    for (const m of [headline!, ...thread]) {
      expect(blockKitProblems(m.body)).toEqual([]);
      expect(m.body.unfurl_links).toBe('false');
      expect(m.headers.authorization).toBe('Bearer xoxb-test-token');
    }
    // Every development shown, once, across the thread.
    const shown = thread.flatMap((t) => markupTexts(t.body)).join('\n');
    const names = digest.incidents.map((g) => g.incident.name);
    for (const name of names)
      expect(shown).toContain(`*${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}*`);
    const entries = shown.split('\n').filter((l) => l.startsWith('• '));
    expect(entries).toHaveLength(digest.incidents.reduce((n, g) => n + g.developments.length, 0));
  });

  test('not_in_channel on a public channel: the bot joins and posts', async () => {
    const ch = channel();
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result.status).toBe('delivered');
    expect(h.fake.api('conversations.join').map((c) => c.body.channel)).toContain(ch);
    expect(posts(ch).length).toBeGreaterThan(1);
  });

  test('not_in_channel where the bot cannot join: paused with how to invite it, and the subscriber is told', async () => {
    const ch = channel('G');
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const result = await h.runtime.delivery.deliver(sub(ch, { createdBy: 'U0SUBSCRIBER' }), digest);
    expect(result).toMatchObject({ status: 'paused' });
    expect((result as { reason: string }).reason).toMatch(/not_in_channel.*\/invite @cyberbrief/);
    const dm = await h.fake.waitFor((r) => r.api === 'chat.postMessage' && r.body.channel === 'U0SUBSCRIBER');
    expect(String(dm.body.text)).toContain('/invite @cyberbrief');
    expect(String(dm.body.text)).toContain(`<#${ch}>`);
  });

  test.each(['channel_not_found', 'is_archived'])('%s pauses the subscription with the reason', async (error) => {
    const ch = channel();
    h.fake.script('chat.postMessage', { body: { ok: false, error } });
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result).toMatchObject({ status: 'paused', reason: expect.stringContaining(error) });
    expect(posts(ch)).toHaveLength(1);
  });

  test('a revoked token pauses rather than retrying forever', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'token_revoked' } });
    expect(await h.runtime.delivery.deliver(sub(channel()), digest)).toMatchObject({
      status: 'paused',
      reason: expect.stringContaining('token_revoked'),
    });
  });

  test('a 429 is retried by the Web API client after its Retry-After, then delivered', async () => {
    const ch = channel();
    h.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result.status).toBe('delivered');
    const [limited, retried] = posts(ch);
    expect(retried!.body.thread_ts).toBeUndefined();
    // The client waited at least what Slack asked before trying again.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
  });

  test('rate limited beyond the client’s retries: `retry` with Slack’s wait, nothing posted twice', async () => {
    const ch = channel();
    const limited = { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    h.fake.script('chat.postMessage', limited, limited, limited);
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result).toEqual({ status: 'retry', reason: 'ratelimited', retryAfterMs: 1000 });
    expect(posts(ch)).toHaveLength(3);
  });

  test('a thread reply that fails after the headline still counts as delivered (the headline is not repeated)', async () => {
    const ch = channel();
    h.fake.script(
      'chat.postMessage',
      { body: { ok: true, ts: '1800000000.000100', channel: ch } },
      { body: { ok: false, error: 'msg_too_long' } },
    );
    const result = await h.runtime.delivery.deliver(sub(ch), digest);
    expect(result).toEqual({ status: 'delivered', messageId: '1800000000.000100' });
    expect(h.logs.some((l) => l.includes('slack.digest_thread_failed') && l.includes('msg_too_long'))).toBe(true);
  });

  test('a digest of hostile, oversized developments: every recorded message escaped and inside the limits', async () => {
    await addHostileIncident(h.app.briefing, { id: 'digest-hostile', developments: 80, sources: 10, textLength: 1500 });
    const hostile = composeDigest(h.app.briefing.data, {
      since: '2026-03-01T00:00:00Z',
      until: '2026-03-02T00:00:00Z',
      locale: 'en',
      cap: 80,
    });
    expect(hostile.incidents.map((g) => g.incident.id)).toEqual(['digest-hostile']);
    const ch = channel();
    expect((await h.runtime.delivery.deliver(sub(ch), hostile)).status).toBe('delivered');
    const sent = posts(ch);
    expect(sent.length).toBeGreaterThan(2);
    for (const m of sent) {
      expect(blockKitProblems(m.body)).toEqual([]);
      const texts = markupTexts(m.body).join('\n');
      for (const bad of FORBIDDEN) expect(texts).not.toContain(bad);
    }
  });

  test('deliverNote posts one escaped line', async () => {
    const ch = channel();
    const result = await h.runtime.delivery.deliverNote!(sub(ch), 'Nothing new <!channel> & co');
    expect(result.status).toBe('delivered');
    expect(posts(ch)[0]!.body.text).toBe('Nothing new &lt;!channel&gt; &amp; co');
    expect(posts(ch)[0]!.body.blocks).toBeUndefined();
  });
});
