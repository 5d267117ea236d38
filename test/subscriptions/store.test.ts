import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subscription } from '../../src/domain/subscription';
import { type KvBackend, openKv } from '../../src/store/kv';
import { createSubscription } from '../../src/subscriptions/create-subscription';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { parseSubscribe } from '../../src/subscriptions/parse-subscribe';
import { serviceUrl } from '../support/temp-app';

function sub(channel: string, platform: 'slack' | 'teams' = 'slack', at = '2026-03-10T09:00:00Z'): Subscription {
  const r = parseSubscribe('07:30 Europe/Paris fr actor:CN', { timezone: 'UTC', locale: 'en' });
  if (!r.ok) throw new Error(r.error);
  return createSubscription({ ...r.value, platform, channel, workspace: 'T1', now: new Date(at) });
}

function contract(name: string, open: () => Promise<KvBackend>, cleanup: () => void = () => undefined) {
  describe(`${name} subscription store`, () => {
    let kv: KvBackend;
    let store: KeyvSubscriptionStore;
    let settings: KeyvChannelSettings;
    let ns = '';
    const run = randomBytes(4).toString('hex');
    beforeAll(async () => {
      kv = await open();
    });
    beforeEach(() => {
      ns = `subscription-test-${run}-${randomBytes(3).toString('hex')}`;
      store = new KeyvSubscriptionStore(kv, { namespace: ns });
      settings = new KeyvChannelSettings(kv, { namespace: `${ns}-settings` });
    });
    afterEach(async () => {
      await store.clear();
      await kv.namespace(`${ns}-settings`).clear();
    });
    afterAll(async () => {
      await kv.close();
      cleanup();
    });

    it('saves, reads back, lists with filters, finds by channel and removes', async () => {
      const a = sub('C1');
      const b = sub('C2', 'slack', '2026-03-10T10:00:00Z');
      const c = {
        ...sub('19:conv@thread.tacv2', 'teams', '2026-03-10T11:00:00Z'),
        workspace: 'tenant-1',
        conversationRef: { serviceUrl: 'https://smba.example/', conversation: { id: '19:conv' } },
      };
      for (const s of [c, a, b]) await store.save(s);
      expect(await store.get(a.id)).toEqual(a);
      expect((await store.list()).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
      expect((await store.list({ platform: 'teams' })).map((s) => s.id)).toEqual([c.id]);
      expect((await store.list({ workspace: 'T1' })).map((s) => s.id)).toEqual([a.id, b.id]);
      expect((await store.findByChannel('teams', '19:conv@thread.tacv2'))?.conversationRef).toEqual(c.conversationRef);
      expect(await store.findByChannel('slack', 'C9')).toBeUndefined();
      expect(await store.remove(b.id)).toBe(true);
      expect(await store.remove(b.id)).toBe(false);
      expect((await store.list()).map((s) => s.id)).toEqual([a.id, c.id]);
    });

    it('changes its revision on every write, so replicas know when to reload', async () => {
      const r0 = await store.revision();
      const a = sub('C1');
      await store.save(a);
      const r1 = await store.revision();
      await store.save({ ...a, lastSlot: '2026-03-11T06:30:00.000Z' });
      const r2 = await store.revision();
      await store.remove(a.id);
      const r3 = await store.revision();
      expect(new Set([r0, r1, r2, r3]).size).toBe(4);
      expect(await store.remove(a.id)).toBe(false);
      expect(await store.revision()).toBe(r3);
    });

    it('refuses to save an invalid subscription and skips a corrupt record when listing', async () => {
      await expect(store.save({ ...sub('C1'), channel: '' })).rejects.toThrow();
      const good = sub('C2');
      await store.save(good);
      await kv.namespace(ns).set('broken', { v: 1, subscription: { id: 'broken' } });
      const problems: string[] = [];
      const reader = new KeyvSubscriptionStore(kv, { namespace: ns, onProblem: (p) => problems.push(p) });
      expect((await reader.list()).map((s) => s.id)).toEqual([good.id]);
      expect(problems).toHaveLength(1);
      await expect(reader.get('broken')).rejects.toThrow(/broken/);
    });

    it('keeps a language per channel and platform', async () => {
      expect(await settings.getLocale('slack', 'C1')).toBeUndefined();
      await settings.setLocale('slack', 'C1', 'fr');
      await settings.setLocale('teams', 'C1', 'en');
      expect(await settings.getLocale('slack', 'C1')).toBe('fr');
      expect(await settings.getLocale('teams', 'C1')).toBe('en');
      await settings.setLocale('slack', 'C1', 'en');
      expect(await settings.getLocale('slack', 'C1')).toBe('en');
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-subs-'));
contract(
  'sqlite',
  () => openKv(`sqlite://${join(dir, 'store.sqlite')}`),
  () => rmSync(dir, { recursive: true, force: true }),
);

const redis = serviceUrl('CYBERBRIEF_TEST_REDIS_URL');
// Without the variable jest reports the suite as skipped, not passed.
(redis ? describe : describe.skip)('on Redis (CYBERBRIEF_TEST_REDIS_URL)', () =>
  contract('redis', () => openKv(redis!)),
);

const pg = serviceUrl('CYBERBRIEF_TEST_PG_URL');
(pg ? describe : describe.skip)('on PostgreSQL (CYBERBRIEF_TEST_PG_URL)', () =>
  contract('postgres', () => openKv(pg!)),
);
