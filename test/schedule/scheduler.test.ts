import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/catalog/catalog';
import { silentLogger } from '../../src/log';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import { wallTime } from '../../src/time/zone';
import { type ClaimStore, openClaims } from '../../src/store/claims';
import { type KvBackend, openKv } from '../../src/store/kv';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { addDevelopment, catalogOf, dev, incident } from '../digest/catalog-fixture';
import {
  catalogSource,
  countsBySlot,
  eventually,
  killable,
  ManualClock,
  type Posted,
  RecordingPort,
  subscription,
} from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('DigestScheduler on the SQLite default, with an injected clock', () => {
  let dir: string;
  let kv: KvBackend;
  let subs: KeyvSubscriptionStore;
  let claims: ClaimStore;
  let catalog: Catalog;
  let clock: ManualClock;
  let posted: Posted[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-sched-'));
    kv = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
    subs = new KeyvSubscriptionStore(kv);
    claims = openClaims(kv);
    catalog = catalogOf([incident('alpha')], []);
    clock = new ManualClock(0);
    posted = [];
  });
  afterEach(async () => {
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scheduler = (port: RecordingPort, extra: Partial<ConstructorParameters<typeof DigestScheduler>[0]> = {}) =>
    new DigestScheduler({
      subscriptions: subs,
      claims,
      briefing: catalogSource(catalog),
      ports: [port],
      log: silentLogger,
      clock,
      graceHours: 6,
      ...extra,
    });

  /** Something to report, so a digest is posted rather than skipped as empty. */
  const news = (...isos: string[]) => {
    for (const iso of isos) addDevelopment(catalog, dev({ id: `news-${iso}`, incident: 'alpha', recordedAt: iso }));
  };

  /** Ticks every `step` from now to `until`, recording a development every `recordEvery`. */
  async function run(s: DigestScheduler, until: string, step = 5 * MIN, recordEvery = 0): Promise<string[]> {
    const recorded: string[] = [];
    let n = 0;
    while (clock.ms < Date.parse(until)) {
      if (recordEvery > 0 && clock.ms % recordEvery === 0) {
        const id = `d${clock.ms}-${n++}`;
        addDevelopment(
          catalog,
          dev({
            id,
            incident: 'alpha',
            date: new Date(clock.ms).toISOString().slice(0, 10),
            recordedAt: new Date(clock.ms),
          }),
        );
        recorded.push(id);
      }
      await s.tick();
      clock.advance(step);
    }
    return recorded;
  }

  it.each([
    ['spring', '2026-03-26T12:00:00Z', '2026-04-01T12:00:00Z'],
    ['autumn', '2026-10-22T12:00:00Z', '2026-10-28T12:00:00Z'],
  ])(
    'delivers one digest a day at 08:00 Paris time across the %s change, with every development once',
    async (_, start, end) => {
      clock.set(start);
      const s = subscription('C-paris', { cron: '0 8 * * *', timezone: 'Europe/Paris', createdAt: start });
      await subs.save(s);
      const recorded = await run(
        scheduler(new RecordingPort('slack', posted, clock), { cap: 1000 }),
        end,
        5 * MIN,
        HOUR,
      );

      expect(posted).toHaveLength(6);
      const days = new Set<string>();
      for (const p of posted) {
        const w = wallTime(Date.parse(p.until), 'Europe/Paris');
        expect([w.hour, w.minute]).toEqual([8, 0]);
        expect(p.at - Date.parse(p.until)).toBeLessThan(5 * MIN);
        days.add(`${w.year}-${w.month}-${w.day}`);
      }
      expect(days.size).toBe(6);
      // Back to back: each digest starts where the previous one ended.
      for (let i = 1; i < posted.length; i++) expect(posted[i]!.since).toBe(posted[i - 1]!.until);
      const shown = posted.flatMap((p) => p.developments);
      expect(new Set(shown).size).toBe(shown.length);
      const last = Date.parse(posted[posted.length - 1]!.until);
      const firstSince = Date.parse(posted[0]!.since);
      expect(shown.sort()).toEqual(
        recorded
          .filter((id) => {
            const at = Number(id.slice(1, id.indexOf('-')));
            return at >= firstSince && at < last;
          })
          .sort(),
      );
    },
  );

  it('covers the 24 hours before creation in the first digest, and what came after until the slot', async () => {
    const created = '2026-03-10T09:00:00Z';
    addDevelopment(catalog, dev({ id: 'too-old', incident: 'alpha', recordedAt: '2026-03-09T08:59:00Z' }));
    addDevelopment(catalog, dev({ id: 'day-before', incident: 'alpha', recordedAt: '2026-03-09T10:00:00Z' }));
    addDevelopment(
      catalog,
      dev({ id: 'after-creation', incident: 'alpha', date: '2026-03-10', recordedAt: '2026-03-10T20:00:00Z' }),
    );
    await subs.save(subscription('C1', { createdAt: created }));
    clock.set(created);
    await run(scheduler(new RecordingPort('slack', posted, clock)), '2026-03-11T08:00:00Z');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.since).toBe('2026-03-09T09:00:00.000Z');
    expect(posted[0]!.developments.sort()).toEqual(['after-creation', 'day-before']);
  });

  it('after downtime, delivers a missed digest once within the grace period', async () => {
    const s = subscription('C1', { createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(s);
    news('2026-03-09T18:00:00Z');
    clock.set('2026-03-09T12:00:00Z');
    await run(scheduler(new RecordingPort('slack', posted, clock)), '2026-03-10T06:50:00Z');
    expect(posted).toHaveLength(0);
    // Down from 07:50 to 10:30 Paris; a new process starts.
    clock.set('2026-03-10T09:30:00Z');
    const restarted = scheduler(new RecordingPort('slack', posted, clock));
    await run(restarted, '2026-03-10T12:00:00Z');
    expect(posted.map((p) => [p.until, p.at])).toEqual([
      ['2026-03-10T07:00:00.000Z', Date.parse('2026-03-10T09:30:00Z')],
    ]);
    expect((await subs.get(s.id))?.lastSlot).toBe('2026-03-10T07:00:00.000Z');
  });

  it('skips a slot later than the grace period, records why, and the next digest covers both days', async () => {
    const s = subscription('C1', { createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(s);
    addDevelopment(
      catalog,
      dev({ id: 'monday', incident: 'alpha', date: '2026-03-09', recordedAt: '2026-03-09T15:00:00Z' }),
    );
    addDevelopment(
      catalog,
      dev({ id: 'tuesday', incident: 'alpha', date: '2026-03-10', recordedAt: '2026-03-10T15:00:00Z' }),
    );
    clock.set('2026-03-10T14:00:00Z'); // 7 h after Tuesday's 08:00 slot
    const s1 = scheduler(new RecordingPort('slack', posted, clock));
    await s1.tick();
    expect(posted).toHaveLength(0);
    const stored = await subs.get(s.id);
    expect(stored?.lastSlot).toBe('2026-03-10T07:00:00.000Z');
    expect(stored?.lastSkipReason).toMatch(/7\.0 h late.*6 h grace/);
    expect(stored?.lastDeliveredUntil).toBeUndefined();
    await run(s1, '2026-03-11T09:00:00Z');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.developments.sort()).toEqual(['monday', 'tuesday']);
    expect((await subs.get(s.id))?.lastSkipReason).toBeUndefined();
  });

  it('retries a failed post at the next tick and marks the slot delivered only once accepted', async () => {
    const s = subscription('C1', { createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(s);
    news('2026-03-09T18:00:00Z');
    let failures = 1;
    const port = new RecordingPort('slack', posted, clock, 'r', () =>
      failures-- > 0 ? { status: 'retry', reason: 'slack said 500' } : { status: 'delivered' },
    );
    const sched = scheduler(port);
    clock.set('2026-03-10T07:00:20Z');
    const first = await sched.tick();
    expect(first.retrying).toEqual([s.id]);
    expect((await subs.get(s.id))?.lastSlot).toBeUndefined();
    clock.advance(MIN);
    expect((await sched.tick()).delivered).toEqual([s.id]);
    await run(sched, '2026-03-10T12:00:00Z');
    expect(port.calls).toBe(2);
    expect(posted).toHaveLength(1);
    expect((await subs.get(s.id))?.lastDeliveredUntil).toBe('2026-03-10T07:00:00.000Z');
  });

  it('treats a throwing port as a retry, and a removed channel as a pause that stops further posts', async () => {
    const a = subscription('C-throws', { createdAt: '2026-03-09T12:00:00Z' });
    const b = subscription('C-gone', { createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(a);
    await subs.save(b);
    news('2026-03-09T18:00:00Z', '2026-03-10T18:00:00Z', '2026-03-11T18:00:00Z');
    let thrown = false;
    const port = new RecordingPort('slack', posted, clock, 'r', (sub) => {
      if (sub.channel === 'C-gone') return { status: 'paused', reason: 'channel_not_found' };
      if (!thrown) {
        thrown = true;
        throw new Error('socket hang up');
      }
      return { status: 'delivered' };
    });
    clock.set('2026-03-10T07:00:20Z');
    const sched = scheduler(port);
    await run(sched, '2026-03-12T12:00:00Z');
    expect(posted.map((p) => p.subscription)).toEqual([a.id, a.id, a.id]);
    expect(new Set(posted.map((p) => p.until)).size).toBe(3);
    const gone = await subs.get(b.id);
    expect(gone).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
    expect(port.calls).toBe(1 + 4); // one pause, one throw, three accepted
  });

  it('posts nothing for an empty period when asked to skip, and one note when asked for a note', async () => {
    const quiet = subscription('C-quiet', { createdAt: '2026-03-09T12:00:00Z' });
    const noted = subscription('C-note', { createdAt: '2026-03-09T12:00:00Z', emptyDigest: 'note' });
    await subs.save(quiet);
    await subs.save(noted);
    clock.set('2026-03-10T07:00:20Z');
    const report = await scheduler(new RecordingPort('slack', posted, clock)).tick();
    expect(report.delivered.sort()).toEqual([quiet.id, noted.id].sort());
    expect(posted).toEqual([
      expect.objectContaining({ subscription: noted.id, note: 'Nothing new since the last digest.' }),
    ]);
    expect((await subs.get(quiet.id))?.lastDeliveredUntil).toBe('2026-03-10T07:00:00.000Z');
  });

  it('picks up a subscription added by another process (the CLI) at the next tick', async () => {
    clock.set('2026-03-10T06:00:00Z');
    const sched = scheduler(new RecordingPort('slack', posted, clock));
    expect((await sched.tick()).due).toBe(0);
    const other = new KeyvSubscriptionStore(kv);
    const s = subscription('C-new', { createdAt: '2026-03-10T06:10:00Z' });
    news('2026-03-10T06:20:00Z');
    await other.save(s);
    await run(sched, '2026-03-10T07:10:00Z');
    expect(posted.map((p) => p.subscription)).toEqual([s.id]);
  });

  it('leaves subscriptions of a platform this replica does not serve to a replica that does', async () => {
    const teams = subscription('19:abc', { platform: 'teams', createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(teams);
    news('2026-03-09T18:00:00Z');
    clock.set('2026-03-10T07:00:20Z');
    expect((await scheduler(new RecordingPort('slack', posted, clock)).tick()).due).toBe(0);
    expect((await scheduler(new RecordingPort('teams', posted, clock)).tick()).delivered).toEqual([teams.id]);
  });

  describe('a restart in the middle of a run neither loses nor repeats a digest', () => {
    const N = 24;
    async function seed(): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < N; i++) {
        const s = subscription(`C${i}`, { createdAt: '2026-03-09T12:00:00Z' });
        await subs.save(s);
        ids.push(s.id);
      }
      news('2026-03-09T18:00:00Z');
      clock.set('2026-03-10T07:00:20Z');
      return ids;
    }

    it('after a clean stop (SIGTERM): in-flight posts finish, claims are released, the next process does the rest', async () => {
      const ids = await seed();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      let started = 0;
      const slow = new RecordingPort('slack', posted, clock, 'first', async () => {
        started += 1;
        if (started > 6) await gate;
        return { status: 'delivered' };
      });
      const first = scheduler(slow, { concurrency: 3, replicaId: 'first' });
      const ticking = first.tick();
      await eventually(
        async () => undefined,
        () => started >= 9,
        5000,
        5,
      );
      const stopping = first.stop();
      release();
      await stopping;
      await ticking;
      expect(posted).toHaveLength(9); // six done, three in flight finished: nothing new started

      await kv.close();
      kv = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
      subs = new KeyvSubscriptionStore(kv);
      claims = openClaims(kv);
      const second = scheduler(new RecordingPort('slack', posted, clock, 'second'), { replicaId: 'second' });
      expect((await second.tick()).delivered).toHaveLength(N - 9);
      expect((await second.tick()).due).toBe(0);
      expect([...countsBySlot(posted).values()].every((n) => n === 1)).toBe(true);
      expect(new Set(posted.map((p) => p.subscription))).toEqual(new Set(ids));
    });

    it('after a crash while holding claims: the next process takes over once the leases run out', async () => {
      const ids = await seed();
      const leaseMs = 1200;
      let accepted = 0;
      const crashing = killable(subs);
      const crashingClaims = killable(claims);
      const hang = new RecordingPort('slack', posted, clock, 'crashed', () =>
        accepted++ < 10 ? { status: 'delivered' } : new Promise(() => undefined),
      );
      const first = new DigestScheduler({
        subscriptions: crashing.value,
        claims: crashingClaims.value,
        briefing: catalogSource(catalog),
        ports: [hang],
        log: silentLogger,
        clock,
        leaseMs,
        concurrency: 4,
        replicaId: 'crashed',
      });
      void first.tick();
      await eventually(
        async () => undefined,
        () => hang.calls >= 14,
        5000,
        5,
      );
      crashing.kill();
      crashingClaims.kill();
      expect(posted).toHaveLength(10);

      const kv2 = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
      try {
        const subs2 = new KeyvSubscriptionStore(kv2);
        const second = new DigestScheduler({
          subscriptions: subs2,
          claims: openClaims(kv2),
          briefing: catalogSource(catalog),
          ports: [new RecordingPort('slack', posted, clock, 'second')],
          log: silentLogger,
          clock,
          leaseMs,
          replicaId: 'second',
        });
        const firstPass = await second.tick();
        // The four claimed by the dead process wait for their leases; everything else goes now.
        expect(firstPass.delivered).toHaveLength(N - 14);
        expect(firstPass.elsewhere).toBeGreaterThanOrEqual(4);
        await eventually(
          () => second.tick(),
          async () => (await subs2.list()).every((s) => s.lastSlot !== undefined),
        );
        expect([...countsBySlot(posted).values()].every((n) => n === 1)).toBe(true);
        expect(new Set(posted.map((p) => p.subscription))).toEqual(new Set(ids));
        expect(posted).toHaveLength(N);
      } finally {
        await kv2.close();
      }
    });
  });
});
