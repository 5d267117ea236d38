import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDigestTimer } from '../../adapters/server/start-digest-timer';
import { silentLogger } from '../../src/log';
import { openClaims } from '../../src/store/claims';
import { type KvBackend, openKv } from '../../src/store/kv';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { addDevelopment, catalogOf, dev, incident } from '../digest/catalog-fixture';
import { catalogSource, eventually, ManualClock, type Posted, RecordingPort, subscription } from './harness';

describe('startDigestTimer (the node-cron runner `serve` starts)', () => {
  let dir: string;
  let kv: KvBackend;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-runner-'));
    kv = await openKv(`sqlite://${join(dir, 'store.sqlite')}`);
  });
  afterEach(async () => {
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up at start, and on stop lets the post in flight finish, records it and releases its claim', async () => {
    const subs = new KeyvSubscriptionStore(kv);
    const claims = openClaims(kv);
    const s = subscription('C1', { createdAt: '2026-03-09T12:00:00Z' });
    await subs.save(s);
    const catalog = catalogOf([incident('alpha')], []);
    addDevelopment(catalog, dev({ id: 'news', incident: 'alpha', recordedAt: '2026-03-09T20:00:00Z' }));
    const clock = new ManualClock(Date.parse('2026-03-10T07:03:00Z'));
    const posted: Posted[] = [];
    let answer: () => void = () => undefined;
    let asked = false;
    const port = new RecordingPort('slack', posted, clock, 'runner', async () => {
      asked = true;
      await new Promise<void>((r) => (answer = r));
      return { status: 'delivered' };
    });
    const runner = startDigestTimer({
      subscriptions: subs,
      claims,
      briefing: catalogSource(catalog),
      ports: [port],
      log: silentLogger,
      clock,
      graceHours: 6,
      replicaId: 'runner-1',
    });
    await eventually(
      async () => undefined,
      () => asked,
      5000,
      5,
    );
    // While the post is in flight the claim is held: nobody else may post this digest.
    expect(await claims.acquire(`digest:${s.id}`, 'intruder', 60_000)).toBe(false);

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    answer();
    await stopping;

    expect(posted.map((p) => p.subscription)).toEqual([s.id]);
    expect((await subs.get(s.id))?.lastSlot).toBe('2026-03-10T07:00:00.000Z');
    expect(await claims.acquire(`digest:${s.id}`, 'next-process', 60_000)).toBe(true);
    // Stopped means stopped: a later tick request does nothing.
    await runner.tickNow();
    expect(port.calls).toBe(1);
  });
});
