import type { Catalog } from '../../src/catalog/catalog';
import type { Digest } from '../../src/domain/digest';
import type { Platform, Subscription, SubscriptionFilters } from '../../src/domain/subscription';
import type { DeliveryPort, DeliveryResult } from '../../src/digest/delivery-port';
import type { Clock } from '../../src/schedule/digest-scheduler';
import { createSubscription } from '../../src/subscriptions/create-subscription';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Posted {
  subscription: string;
  /** The digest's end: the slot it was composed for. */
  until: string;
  since: string;
  developments: string[];
  note?: string;
  replica: string;
  at: number;
}

export type Behaviour = (sub: Subscription, digest: Digest | undefined) => Promise<DeliveryResult> | DeliveryResult;

/**
 * Stands in for Slack or Teams: records every post the platform accepted, into a log that can be
 * shared by several replicas' ports (so "exactly once" is checked across all of them).
 */
export class RecordingPort implements DeliveryPort {
  calls = 0;
  constructor(
    readonly platform: Platform,
    readonly accepted: Posted[],
    private readonly clock: Clock,
    private readonly replica = 'r',
    private readonly behaviour: Behaviour = () => ({ status: 'delivered' }),
  ) {}

  async deliver(sub: Subscription, digest: Digest): Promise<DeliveryResult> {
    this.calls += 1;
    const r = await this.behaviour(sub, digest);
    if (r.status === 'delivered') {
      this.accepted.push({
        subscription: sub.id,
        until: digest.until,
        since: digest.since,
        developments: digest.incidents.flatMap((g) => g.developments.map((d) => d.id)),
        replica: this.replica,
        at: this.clock.now().getTime(),
      });
    }
    return r;
  }

  async deliverNote(sub: Subscription, text: string): Promise<DeliveryResult> {
    this.calls += 1;
    const r = await this.behaviour(sub, undefined);
    if (r.status === 'delivered')
      this.accepted.push({
        subscription: sub.id,
        until: '',
        since: '',
        developments: [],
        note: text,
        replica: this.replica,
        at: this.clock.now().getTime(),
      });
    return r;
  }
}

/** The briefing service as the scheduler sees it: a catalog the test can add to. */
export function catalogSource(catalog: Catalog) {
  return { data: catalog, refreshIfChanged: async () => false };
}

const NO_FILTERS: SubscriptionFilters = { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 };

export function subscription(
  channel: string,
  opts: {
    cron?: string;
    timezone?: string;
    createdAt: string;
    platform?: Platform;
    filters?: Partial<SubscriptionFilters>;
    emptyDigest?: 'skip' | 'note';
  },
): Subscription {
  return createSubscription({
    platform: opts.platform ?? 'slack',
    channel,
    cron: opts.cron ?? '0 8 * * *',
    timezone: opts.timezone ?? 'Europe/Paris',
    locale: 'en',
    filters: { ...NO_FILTERS, ...opts.filters },
    emptyDigest: opts.emptyDigest ?? 'skip',
    now: new Date(opts.createdAt),
  });
}

/** Wraps a store so that, once killed, every call hangs forever: a replica that died mid-work. */
export function killable<T extends object>(target: T): { value: T; kill(): void } {
  let dead = false;
  const value = new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) =>
        dead ? new Promise(() => undefined) : (v as (...a: unknown[]) => unknown).apply(obj, args);
    },
  });
  return { value, kill: () => (dead = true) };
}

/** Counts accepted posts per (subscription, slot); exactly once means every count is 1. */
export function countsBySlot(posted: Posted[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of posted) m.set(`${p.subscription}@${p.until}`, (m.get(`${p.subscription}@${p.until}`) ?? 0) + 1);
  return m;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Repeats `step` until `done` holds (a lease running out), failing after `timeoutMs`. */
export async function eventually(
  step: () => Promise<unknown>,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  everyMs = 150,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await step();
    if (await done()) return;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(everyMs);
  }
}
