import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { backOff } from 'exponential-backoff';
import { labels } from '../brief/labels';
import type { Catalog } from '../catalog/catalog';
import type { Digest } from '../domain/digest';
import type { Subscription } from '../domain/subscription';
import { composeDigest, isEmptyDigest } from '../digest/compose';
import type { DeliveryPort, DeliveryResult } from '../digest/delivery-port';
import { DigestIndex } from '../digest/digest-index';
import type { Logger } from '../log';
import type { ClaimStore } from '../store/claims';
import { digestSince } from '../subscriptions/create-subscription';
import type { SubscriptionStore } from '../subscriptions/subscription-store';
import { decide, HOUR_MS, type SlotDecision } from './plan';
import { latestSlot } from './slots';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What the scheduler needs of the briefing service: the catalog, kept fresh. */
export interface CatalogSource {
  readonly data: Catalog;
  refreshIfChanged(): Promise<boolean>;
}

export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  claims: ClaimStore;
  briefing: CatalogSource;
  ports: DeliveryPort[];
  log: Logger;
  clock?: Clock;
  /** A digest later than this is skipped (default 6 h, CYBERBRIEF_DIGEST_GRACE_HOURS). */
  graceHours?: number;
  /** How long a claim protects a delivery; a replica that dies holding one is replaced after it. */
  leaseMs?: number;
  /** Unique per process; claims carry it so only the holder releases them. */
  replicaId?: string;
  /** Deliveries run in parallel within a tick (different channels). */
  concurrency?: number;
  /** Developments per digest before "and N more". */
  cap?: number;
}

export interface TickReport {
  at: string;
  due: number;
  delivered: string[];
  skipped: string[];
  retrying: string[];
  paused: string[];
  /** Held by another replica, or already handled by one. */
  elsewhere: number;
  failed: string[];
}

const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Delivers each subscription's digest once per slot, across replicas and restarts. A tick finds
 * the subscriptions with a due slot, and for each one claims it in the shared store, re-reads it
 * (another replica may have just delivered), composes and posts the digest, and only after the
 * platform accepted it records the slot as delivered. The claim is released afterwards; it is the
 * recorded slot, not the claim, that keeps the digest from being sent twice.
 */
export class DigestScheduler {
  readonly replicaId: string;
  private readonly clock: Clock;
  private readonly graceMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly ports = new Map<string, DeliveryPort>();
  private cache: Subscription[] = [];
  private cacheRevision: string | undefined | null = null;
  private readonly retryAt = new Map<string, number>();
  private readonly held = new Set<string>();
  private running: Promise<TickReport> | undefined;
  private stopping = false;

  constructor(private readonly opts: DigestSchedulerOptions) {
    this.clock = opts.clock ?? systemClock;
    this.graceMs = (opts.graceHours ?? 6) * HOUR_MS;
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.replicaId = opts.replicaId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    for (const p of opts.ports) this.ports.set(p.platform, p);
  }

  /** One pass; concurrent calls share the pass in progress. */
  tick(): Promise<TickReport> {
    if (this.running) return this.running;
    const run = this.runTick().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  /** Starts nothing new, lets deliveries in flight finish, and releases every claim held. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
    for (const key of [...this.held]) await this.release(key);
  }

  private async runTick(): Promise<TickReport> {
    const now = this.clock.now().getTime();
    const report: TickReport = {
      at: new Date(now).toISOString(),
      due: 0,
      delivered: [],
      skipped: [],
      retrying: [],
      paused: [],
      elsewhere: 0,
      failed: [],
    };
    if (this.stopping) return report;
    const subs = await this.subscriptions();
    const memo = new Map<string, number | undefined>();
    const latest = (cron: string, tz: string, at: number) => {
      const key = `${cron}\u0000${tz}`;
      if (!memo.has(key)) memo.set(key, safeLatest(cron, tz, at));
      return memo.get(key);
    };
    const due: Subscription[] = [];
    for (const s of subs) {
      if (!this.ports.has(s.platform)) continue;
      if ((this.retryAt.get(s.id) ?? 0) > now) continue;
      if (decide(s, now, this.graceMs, latest).kind !== 'none') due.push(s);
    }
    report.due = due.length;
    if (due.length === 0) return report;

    // One index for the tick, over the due subscriptions' periods only: building it over the
    // whole catalog would block the event loop (and Slack's 3-second deadline) for nothing.
    let index: Promise<DigestIndex> | undefined;
    const from = due.reduce((min, s) => Math.min(min, digestSince(s).getTime()), Infinity);
    const digestIndex = (): Promise<DigestIndex> => {
      index ??= this.opts.briefing.refreshIfChanged().then(() => new DigestIndex(this.opts.briefing.data, from));
      return index;
    };
    const queue = [...due];
    const worker = async () => {
      for (let s = queue.shift(); s !== undefined && !this.stopping; s = queue.shift()) {
        try {
          await this.handle(s.id, now, digestIndex, report);
        } catch (e) {
          report.failed.push(s.id);
          this.opts.log.error('digest.slot_failed', {
            subscription: s.id,
            error: e instanceof Error ? e.message : String(e),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    if (
      report.delivered.length +
        report.skipped.length +
        report.retrying.length +
        report.paused.length +
        report.failed.length >
      0
    ) {
      this.opts.log.info('digest.tick_done', {
        replica: this.replicaId,
        due: report.due,
        delivered: report.delivered.length,
        skipped: report.skipped.length,
        retrying: report.retrying.length,
        paused: report.paused.length,
        failed: report.failed.length,
        elsewhere: report.elsewhere,
      });
    }
    return report;
  }

  private async handle(
    id: string,
    now: number,
    digestIndex: () => Promise<DigestIndex>,
    report: TickReport,
  ): Promise<void> {
    const key = `digest:${id}`;
    if (!(await this.opts.claims.acquire(key, this.replicaId, this.leaseMs))) {
      report.elsewhere += 1;
      return;
    }
    this.held.add(key);
    try {
      // The list may be a minute old; under the claim, only the stored record counts.
      const sub = await this.opts.subscriptions.get(id);
      const port = sub ? this.ports.get(sub.platform) : undefined;
      const decision: SlotDecision = sub ? decide(sub, now, this.graceMs) : { kind: 'none' };
      if (!sub || !port || decision.kind === 'none') {
        report.elsewhere += 1;
        return;
      }
      const slotIso = new Date(decision.slot).toISOString();
      if (decision.kind === 'skip') {
        await this.record(id, { lastSlot: slotIso, lastSkipReason: decision.reason });
        report.skipped.push(id);
        this.opts.log.warn('digest.slot_skipped', { subscription: id, slot: slotIso, reason: decision.reason });
        return;
      }
      const since = digestSince(sub);
      const until = new Date(Math.max(decision.slot, since.getTime()));
      const digest = composeDigest(await digestIndex(), {
        since,
        until,
        locale: sub.locale,
        filters: sub.filters,
        cap: this.opts.cap,
      });
      const result = await this.post(port, sub, digest);
      if (result.status === 'delivered') {
        await this.record(id, {
          lastSlot: slotIso,
          lastDeliveredUntil: until.toISOString(),
          lastDeliveredAt: new Date(now).toISOString(),
          lastSkipReason: undefined,
        });
        this.retryAt.delete(id);
        report.delivered.push(id);
        this.opts.log.info('digest.slot_delivered', {
          subscription: id,
          platform: sub.platform,
          slot: slotIso,
          late_ms: decision.lateMs,
          developments: digest.incidents.reduce((n, g) => n + g.developments.length, 0),
          more: digest.more,
        });
      } else if (result.status === 'paused') {
        await this.record(id, { status: 'paused', pausedReason: result.reason });
        report.paused.push(id);
        this.opts.log.warn('digest.subscription_paused', {
          subscription: id,
          platform: sub.platform,
          reason: result.reason,
        });
      } else {
        if (result.retryAfterMs !== undefined) this.retryAt.set(id, now + result.retryAfterMs);
        report.retrying.push(id);
        this.opts.log.warn('digest.slot_deferred', {
          subscription: id,
          platform: sub.platform,
          slot: slotIso,
          reason: result.reason,
        });
      }
    } finally {
      await this.release(key);
    }
  }

  /** Posts through the port; an empty period posts nothing or one line, as the subscription asks. */
  private async post(port: DeliveryPort, sub: Subscription, digest: Digest): Promise<DeliveryResult> {
    if (isEmptyDigest(digest)) {
      if (sub.emptyDigest === 'skip') return { status: 'delivered' };
      const note = labels(sub.locale).nothingNew;
      return this.withTimeout(port.deliverNote ? port.deliverNote(sub, note) : port.deliver(sub, digest));
    }
    return this.withTimeout(port.deliver(sub, digest));
  }

  /**
   * A post that outlives half the lease is given up on (and retried next tick) before another
   * replica could take the claim over; a throwing port is a retry too, never a lost slot.
   */
  private async withTimeout(p: Promise<DeliveryResult>): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DeliveryResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ status: 'retry', reason: `no answer within ${Math.round(this.leaseMs / 2000)} s` }),
        this.leaseMs / 2,
      );
      timer.unref?.();
    });
    try {
      return await Promise.race([
        p.catch((e: unknown) => ({ status: 'retry' as const, reason: e instanceof Error ? e.message : String(e) })),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Patches delivery fields onto the stored record (re-read, so an edit made meanwhile is kept). */
  private async record(id: string, patch: Partial<Subscription>): Promise<void> {
    await backOff(
      async () => {
        const current = await this.opts.subscriptions.get(id);
        if (!current) return; // removed meanwhile: nothing to record
        const next: Subscription = { ...current, ...patch };
        for (const k of Object.keys(patch) as (keyof Subscription)[]) if (patch[k] === undefined) delete next[k];
        await this.opts.subscriptions.save(next);
      },
      { numOfAttempts: 5, startingDelay: 200, maxDelay: 5_000 },
    );
  }

  private async release(key: string): Promise<void> {
    try {
      await this.opts.claims.release(key, this.replicaId);
    } catch (e) {
      // The lease runs out on its own; another replica takes over then.
      this.opts.log.warn('digest.claim_release_failed', { key, error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.held.delete(key);
    }
  }

  private async subscriptions(): Promise<Subscription[]> {
    const rev = await this.opts.subscriptions.revision();
    if (rev !== this.cacheRevision) {
      this.cache = await this.opts.subscriptions.list();
      this.cacheRevision = rev;
    }
    return this.cache;
  }
}

function safeLatest(cron: string, tz: string, now: number): number | undefined {
  try {
    return latestSlot(cron, tz, now);
  } catch {
    return undefined; // an invalid stored cron never fires; `subscriptions list` shows it
  }
}
