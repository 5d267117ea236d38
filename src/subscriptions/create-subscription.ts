import { randomBytes } from 'node:crypto';
import { type Platform, Subscription } from '../domain/subscription';
import type { ParsedSubscribe } from './parse-subscribe';

export interface NewSubscription extends ParsedSubscribe {
  platform: Platform;
  channel: string;
  workspace?: string;
  /** Teams: the ConversationReference needed for proactive messages. */
  conversationRef?: unknown;
  createdBy?: string;
  now: Date;
  /** Tests and replays may fix the id; otherwise a fresh one is drawn. */
  id?: string;
}

/** Short, URL- and shell-safe ids: `sub-` and 12 hex digits (48 random bits). */
export function newSubscriptionId(): string {
  return `sub-${randomBytes(6).toString('hex')}`;
}

/**
 * A validated, active Subscription. It has no last digest yet, so its first digest covers the
 * 24 hours before `now` (see firstDigestSince).
 */
export function createSubscription(input: NewSubscription): Subscription {
  return Subscription.parse({
    id: input.id ?? newSubscriptionId(),
    platform: input.platform,
    workspace: input.workspace ?? '',
    channel: input.channel,
    conversationRef: input.conversationRef,
    cron: input.cron,
    timezone: input.timezone,
    locale: input.locale,
    filters: input.filters,
    emptyDigest: input.emptyDigest,
    createdBy: input.createdBy ?? '',
    createdAt: input.now.toISOString(),
    status: 'active',
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** Where the next digest of a subscription starts: its last delivered instant, else a day before it was created. */
export function digestSince(subscription: Subscription): Date {
  if (subscription.lastDeliveredUntil !== undefined) return new Date(subscription.lastDeliveredUntil);
  return new Date(Date.parse(subscription.createdAt) - DAY_MS);
}

/**
 * The subscription among `existing` that would post the same digest to the same place at the same
 * time as `candidate` (same platform, workspace, channel, schedule, time zone and filters), if
 * any: adding it again would only post everything twice.
 */
export function findSameSubscription(
  existing: readonly Subscription[],
  candidate: Subscription,
): Subscription | undefined {
  const key = sameKey(candidate);
  return existing.find((s) => s.id !== candidate.id && sameKey(s) === key);
}

function sameKey(s: Subscription): string {
  const set = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort();
  const f = s.filters;
  return JSON.stringify([
    s.platform,
    s.workspace,
    s.channel,
    s.cron.trim().replace(/\s+/g, ' '),
    s.timezone,
    set(f.incidents),
    set(f.actors),
    set(f.countries),
    set(f.types),
    f.minSignificance,
  ]);
}
