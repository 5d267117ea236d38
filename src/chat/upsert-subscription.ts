import { type Platform, Subscription } from '../domain/subscription';
import { createSubscription } from '../subscriptions/create-subscription';
import type { ParsedSubscribe } from '../subscriptions/parse-subscribe';
import type { SubscriptionStore } from '../subscriptions/subscription-store';

export interface SubscriptionTarget {
  platform: Platform;
  channel: string;
  /** Slack team id or Teams tenant id; an empty one keeps what the subscription had. */
  workspace: string;
  /** Teams: where proactive messages go; replaces the stored one when given. */
  conversationRef?: unknown;
  user: string;
}

/**
 * One subscription per channel: subscribing again changes it (and resumes a paused one) and
 * keeps its id and delivery marks, so nothing is repeated or skipped; otherwise a new one. Both
 * paths go through `Subscription.parse`, so a merged record is as valid as a new one.
 */
export async function upsertSubscription(
  store: SubscriptionStore,
  target: SubscriptionTarget,
  parsed: ParsedSubscribe,
  now: Date,
): Promise<{ subscription: Subscription; created: boolean }> {
  const existing = await store.findByChannel(target.platform, target.channel);
  const subscription = existing
    ? Subscription.parse({
        ...existing,
        ...parsed,
        workspace: target.workspace || existing.workspace,
        ...(target.conversationRef !== undefined ? { conversationRef: target.conversationRef } : {}),
        status: 'active',
        pausedReason: undefined,
      })
    : createSubscription({
        ...parsed,
        platform: target.platform,
        channel: target.channel,
        workspace: target.workspace,
        conversationRef: target.conversationRef,
        createdBy: target.user,
        now,
      });
  await store.save(subscription);
  return { subscription, created: existing === undefined };
}
