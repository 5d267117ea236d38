import { createTask, type ScheduledTask } from 'node-cron';
import type { DeliveryPort } from '../../src/digest/delivery-port';
import type { Logger } from '../../src/log';
import { type CatalogSource, type Clock, DigestScheduler, systemClock } from '../../src/schedule/digest-scheduler';
import type { ClaimStore } from '../../src/store/claims';
import type { SubscriptionStore } from '../../src/subscriptions/subscription-store';

export interface DigestTimerDeps {
  subscriptions: SubscriptionStore;
  claims: ClaimStore;
  briefing: CatalogSource;
  ports: DeliveryPort[];
  log: Logger;
  clock?: Clock;
  graceHours?: number;
  leaseMs?: number;
  replicaId?: string;
  /** node-cron expression of the tick; default every minute at second 20. */
  tick?: string;
}

export interface RunningDigestTimer {
  readonly replicaId: string;
  /** Runs one pass now (tests, or after an operator's change). */
  tickNow(): Promise<void>;
  /** Stops ticking, finishes deliveries in flight and releases their claims. */
  stop(): Promise<void>;
}

/**
 * Second 20 of every minute: digest slots are whole minutes, so a development recorded just
 * before a slot has 20 s to reach the store before the slot's digest is composed.
 */
export const DEFAULT_TICK = '20 * * * * *';

/** The runner `cyberbrief serve` starts: node-cron ticks drive the core DigestScheduler. */
export function startDigestTimer(deps: DigestTimerDeps): RunningDigestTimer {
  const scheduler = new DigestScheduler({ ...deps, clock: deps.clock ?? systemClock });
  const run = async (): Promise<void> => {
    try {
      await scheduler.tick();
    } catch (e) {
      // A store outage must not kill the timer: the next tick tries again.
      deps.log.error('digest.tick_failed', {
        replica: scheduler.replicaId,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };
  const task: ScheduledTask = createTask(deps.tick ?? DEFAULT_TICK, run, {
    name: `cyberbrief-digests-${scheduler.replicaId}`,
    noOverlap: true,
    logger: {
      info: (m) => deps.log.debug('cron.task_logged', { message: m }),
      warn: (m) => deps.log.debug('cron.task_logged', { message: m }),
      error: (m) => deps.log.warn('cron.task_failed', { message: m instanceof Error ? m.message : m }),
      debug: () => undefined,
    },
  });
  void task.start();
  deps.log.info('digest.scheduler_started', { replica: scheduler.replicaId, grace_hours: deps.graceHours ?? 6 });
  // Catch up at once after a restart rather than waiting for the first tick.
  const first = run();
  let stopped: Promise<void> | undefined;
  return {
    replicaId: scheduler.replicaId,
    tickNow: run,
    stop(): Promise<void> {
      stopped ??= (async () => {
        await task.stop();
        await task.destroy();
        await first;
        await scheduler.stop();
        deps.log.info('digest.scheduler_stopped', { replica: scheduler.replicaId });
      })();
      return stopped;
    },
  };
}
