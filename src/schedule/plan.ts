import type { Subscription } from '../domain/subscription';
import { latestSlot } from './slots';

export type SlotDecision =
  | { kind: 'none' }
  | { kind: 'deliver'; slot: number; lateMs: number }
  | { kind: 'skip'; slot: number; lateMs: number; reason: string };

/** Finds the latest slot at or before `now` for a cron and zone; injectable so a tick computes each pair once. */
export type LatestSlotFn = (cron: string, timeZone: string, now: number) => number | undefined;

export const HOUR_MS = 3_600_000;

/**
 * What a subscription needs at `now`. The due slot is the latest one after the last slot handled
 * (or after creation). Slots missed during downtime collapse into that one digest, which still
 * covers everything since the last delivered one; a digest later than the grace period is not
 * sent at all (a morning digest at 5 pm helps no one): the slot is recorded as skipped, and the
 * next slot's digest covers the whole period.
 */
export function decide(
  sub: Subscription,
  now: number,
  graceMs: number,
  latest: LatestSlotFn = latestSlot,
): SlotDecision {
  if (sub.status !== 'active') return { kind: 'none' };
  const anchor = anchorOf(sub);
  const slot = latest(sub.cron, sub.timezone, now);
  if (slot === undefined || slot <= anchor) return { kind: 'none' };
  const lateMs = now - slot;
  if (lateMs > graceMs) {
    const hours = (lateMs / HOUR_MS).toFixed(1);
    return {
      kind: 'skip',
      slot,
      lateMs,
      reason: `slot ${new Date(slot).toISOString()} was ${hours} h late, more than the ${graceMs / HOUR_MS} h grace period`,
    };
  }
  return { kind: 'deliver', slot, lateMs };
}

/** Slots at or before this instant are done: the last slot handled, or the creation instant. */
export function anchorOf(sub: Subscription): number {
  const last = sub.lastSlot !== undefined ? Date.parse(sub.lastSlot) : NaN;
  return Number.isFinite(last) ? last : Date.parse(sub.createdAt);
}
