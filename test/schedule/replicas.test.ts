import { randomBytes } from 'node:crypto';
import type { Catalog } from '../../src/catalog/catalog';
import type { Subscription } from '../../src/domain/subscription';
import { silentLogger } from '../../src/log';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import { type ClaimStore, openClaims } from '../../src/store/claims';
import { type KvBackend, openKv } from '../../src/store/kv';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { addDevelopment, catalogOf, dev, incident } from '../digest/catalog-fixture';
import { serviceUrl } from '../support/temp-app';
import {
  type Behaviour,
  catalogSource,
  countsBySlot,
  eventually,
  killable,
  ManualClock,
  type Posted,
  RecordingPort,
  sleep,
  subscription,
} from './harness';

const SUBSCRIPTIONS = 200;

/**
 * Several replicas sharing one real store. Each replica has its own connection where the
 * adapter allows it (Redis); @keyv/postgres keeps one pool per process, so PostgreSQL replicas
 * share it, which still runs their claims concurrently on separate pooled connections.
 */
function replicaSuite(kind: 'redis' | 'postgres', url: string) {
  describe(`${kind}: three replicas deliver each digest exactly once`, () => {
    const run = randomBytes(4).toString('hex');
    let kvs: KvBackend[];
    let namespace: string;
    let claimOpts: { table: string; prefix: string };
    let catalog: Catalog;
    let clock: ManualClock;
    let posted: Posted[];

    beforeEach(async () => {
      const first = await openKv(url);
      kvs = kind === 'redis' ? [first, await openKv(url), await openKv(url)] : [first, first, first];
      const tag = `${run}-${randomBytes(3).toString('hex')}`;
      namespace = `subscription-replicas-${tag}`;
      claimOpts = { table: `claims_test_${tag.replace(/-/g, '_')}`, prefix: `cyberbrief-test:${tag}:claim:` };
      catalog = catalogOf([incident('alpha')], []);
      addDevelopment(
        catalog,
        dev({ id: 'overnight', incident: 'alpha', by: ['FR'], recordedAt: '2026-03-09T22:00:00Z' }),
      );
      clock = new ManualClock(Date.parse('2026-03-09T12:00:00Z'));
      posted = [];
    });
    afterEach(async () => {
      await new KeyvSubscriptionStore(kvs[0]!, { namespace }).clear();
      await openClaims(kvs[0]!, claimOpts).destroy();
      for (const kv of new Set(kvs)) await kv.close();
    });

    const stores = () => kvs.map((kv) => new KeyvSubscriptionStore(kv, { namespace }));
    const claimStores = () => kvs.map((kv) => openClaims(kv, claimOpts));
    /** A port that answers after a random few milliseconds, so replicas interleave. */
    const jittery = (replica: string, extra?: Behaviour) =>
      new RecordingPort('slack', posted, clock, replica, async (sub, digest) => {
        await sleep(Math.random() * 4);
        return extra ? extra(sub, digest) : { status: 'delivered' };
      });
    function replicas(opts: { leaseMs?: number; behaviours?: (Behaviour | undefined)[] } = {}) {
      const subs = stores();
      const claims = claimStores();
      return subs.map(
        (s, i) =>
          new DigestScheduler({
            subscriptions: s,
            claims: claims[i]!,
            briefing: catalogSource(catalog),
            ports: [jittery(`r${i}`, opts.behaviours?.[i])],
            log: silentLogger,
            clock,
            leaseMs: opts.leaseMs,
            concurrency: 6,
            replicaId: `replica-${i}-${run}`,
          }),
      );
    }
    async function seed(n: number): Promise<Subscription[]> {
      const store = stores()[0]!;
      const out: Subscription[] = [];
      for (let i = 0; i < n; i++) {
        // Same minute for all, in several zones: 08:00 Paris, 07:00 London, 09:00 Helsinki.
        const zone = ['Europe/Paris', 'Europe/London', 'Europe/Helsinki'][i % 3] as string;
        const hour = { 'Europe/Paris': 8, 'Europe/London': 7, 'Europe/Helsinki': 9 }[zone];
        const s = subscription(`C${i}`, {
          cron: `0 ${hour} * * 1-5`,
          timezone: zone,
          createdAt: '2026-03-09T12:00:00Z',
        });
        await store.save(s);
        out.push(s);
      }
      return out;
    }

    it(`${SUBSCRIPTIONS} subscriptions due in the same minute: each posted once, none lost`, async () => {
      const subs = await seed(SUBSCRIPTIONS);
      const [a, b, c] = replicas();
      clock.set('2026-03-10T07:00:20Z');
      const reports = await Promise.all([a!.tick(), b!.tick(), c!.tick()]);
      expect(posted).toHaveLength(SUBSCRIPTIONS);
      expect([...countsBySlot(posted).values()].every((n) => n === 1)).toBe(true);
      expect(new Set(posted.map((p) => p.subscription))).toEqual(new Set(subs.map((s) => s.id)));
      expect(posted.every((p) => p.until === '2026-03-10T07:00:00.000Z' && p.developments.includes('overnight'))).toBe(
        true,
      );
      expect(reports.reduce((n, r) => n + r.delivered.length, 0)).toBe(SUBSCRIPTIONS);
      // The work was shared, not done by one replica that happened to start first.
      expect(new Set(posted.map((p) => p.replica)).size).toBeGreaterThan(1);
      // Later ticks in the same and the next minutes post nothing more.
      for (const step of [0, 60_000, 60_000]) {
        clock.advance(step);
        const again = await Promise.all([a!.tick(), b!.tick(), c!.tick()]);
        expect(again.every((r) => r.delivered.length === 0)).toBe(true);
      }
      expect(posted).toHaveLength(SUBSCRIPTIONS);
      const stored = await stores()[1]!.list();
      expect(
        stored.every(
          (s) => s.lastSlot === '2026-03-10T07:00:00.000Z' && s.lastDeliveredUntil === '2026-03-10T07:00:00.000Z',
        ),
      ).toBe(true);
    });

    it('a replica killed after claiming: another takes over once the lease runs out, and posts once', async () => {
      const [victim] = await seed(1);
      const leaseMs = 1500;
      const subsKill = killable(stores()[0]!);
      const claimsKill = killable(claimStores()[0]!);
      let claimed = false;
      const dying = new DigestScheduler({
        subscriptions: subsKill.value,
        claims: claimsKill.value,
        briefing: catalogSource(catalog),
        ports: [
          new RecordingPort('slack', posted, clock, 'dying', () => {
            claimed = true;
            return new Promise(() => undefined); // killed before the platform answered
          }),
        ],
        log: silentLogger,
        clock,
        leaseMs,
        replicaId: `dying-${run}`,
      });
      const [, b, c] = replicas({ leaseMs });
      clock.set('2026-03-10T07:00:20Z');
      void dying.tick();
      await eventually(
        async () => undefined,
        () => claimed,
        5000,
        5,
      );
      subsKill.kill();
      claimsKill.kill();
      const meanwhile = await Promise.all([b!.tick(), c!.tick()]);
      expect(meanwhile.every((r) => r.delivered.length === 0 && r.elsewhere === 1)).toBe(true);
      await eventually(
        () => Promise.all([b!.tick(), c!.tick()]),
        () => posted.length > 0,
      );
      await Promise.all([b!.tick(), c!.tick()]);
      expect(posted.map((p) => [p.subscription, p.replica !== 'dying'])).toEqual([[victim!.id, true]]);
      expect((await stores()[2]!.get(victim!.id))?.lastSlot).toBe('2026-03-10T07:00:00.000Z');
    });

    it('a port that fails once: the slot is retried and posted once, marked only after it was accepted', async () => {
      const subs = await seed(30);
      const unlucky = subs[7]!.id;
      let failed = 0;
      const failOnce: Behaviour = (sub) => {
        if (sub.id === unlucky && failed === 0) {
          failed += 1;
          return { status: 'retry', reason: 'platform answered 503' };
        }
        return { status: 'delivered' };
      };
      const reps = replicas({ behaviours: [failOnce, failOnce, failOnce] });
      clock.set('2026-03-10T07:00:20Z');
      await Promise.all(reps.map((r) => r.tick()));
      expect(failed).toBe(1);
      // Another replica may have retried it in the same pass; if not, the next tick does.
      clock.advance(60_000);
      await Promise.all(reps.map((r) => r.tick()));
      expect(posted).toHaveLength(30);
      expect([...countsBySlot(posted).values()].every((n) => n === 1)).toBe(true);
      expect((await stores()[0]!.get(unlucky))?.lastDeliveredUntil).toBe('2026-03-10T07:00:00.000Z');
    });
  });

  describe(`${kind}: claims`, () => {
    let kv: KvBackend;
    let claims: ClaimStore;
    beforeAll(async () => {
      kv = await openKv(url);
      const tag = randomBytes(4).toString('hex');
      claims = openClaims(kv, { table: `claims_unit_${tag}`, prefix: `cyberbrief-test:${tag}:` });
    });
    afterAll(async () => {
      await claims.destroy();
      await kv.close();
    });

    it('lets one of many concurrent claimers win, frees only for its owner, and expires', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => claims.acquire('k', `o${i}`, 800)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const owner = `o${results.indexOf(true)}`;
      expect(await claims.release('k', 'someone-else')).toBe(false);
      expect(await claims.acquire('k', 'late', 800)).toBe(false);
      expect(await claims.release('k', owner)).toBe(true);
      expect(await claims.acquire('k', 'late', 300)).toBe(true);
      await eventually(
        async () => undefined,
        () => claims.acquire('k', 'after-expiry', 1000),
        5000,
        50,
      );
      expect(await claims.release('k', 'late')).toBe(false);
      expect(await claims.release('k', 'after-expiry')).toBe(true);
    });
  });
}

const redis = serviceUrl('CYBERBRIEF_TEST_REDIS_URL');
// Without the variable jest reports the suite as skipped, not passed.
(redis ? describe : describe.skip)('on Redis (CYBERBRIEF_TEST_REDIS_URL)', () => replicaSuite('redis', redis ?? ''));

const pg = serviceUrl('CYBERBRIEF_TEST_PG_URL');
(pg ? describe : describe.skip)('on PostgreSQL (CYBERBRIEF_TEST_PG_URL)', () => replicaSuite('postgres', pg ?? ''));
