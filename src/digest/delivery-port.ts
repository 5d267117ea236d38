import type { Digest } from '../domain/digest';
import type { Platform, Subscription } from '../domain/subscription';

/**
 * What a platform answers when asked to post a digest. `retry` leaves the slot undelivered for
 * the next tick; `paused` means the channel is gone or the bot was removed, and a person must act.
 */
export type DeliveryResult =
  | { status: 'delivered'; messageId?: string }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'paused'; reason: string };

/** Implemented by each platform adapter; the scheduler knows nothing else of Slack or Teams. */
export interface DeliveryPort {
  readonly platform: Platform;
  deliver(subscription: Subscription, digest: Digest): Promise<DeliveryResult>;
  /** Optional one-line note for an empty period, when the subscription asks for it. */
  deliverNote?(subscription: Subscription, text: string): Promise<DeliveryResult>;
}
