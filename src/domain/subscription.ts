import { z } from 'zod';
import { DevelopmentType } from './development';
import { Locale } from './text';

export const Platform = z.enum(['slack', 'teams']);
export type Platform = z.infer<typeof Platform>;

export const SubscriptionFilters = z.object({
  incidents: z.array(z.string()).default([]),
  actors: z.array(z.string()).default([]),
  countries: z.array(z.string()).default([]),
  types: z.array(DevelopmentType).default([]),
  /** 0..1; developments ranked below it are left out. */
  minSignificance: z.number().min(0).max(1).default(0),
});
export type SubscriptionFilters = z.infer<typeof SubscriptionFilters>;

export const Subscription = z.object({
  id: z.string().min(1),
  platform: Platform,
  /** Slack team id or Teams tenant id. */
  workspace: z.string().default(''),
  /** Slack channel id or Teams conversation id. */
  channel: z.string().min(1),
  /** Teams: the stored ConversationReference (opaque to the core). */
  conversationRef: z.unknown().optional(),
  /** node-cron expression, evaluated in `timezone`. Default: weekdays 08:00. */
  cron: z.string().default('0 8 * * 1-5'),
  timezone: z.string().min(1),
  locale: Locale.default('en'),
  filters: SubscriptionFilters.default({ incidents: [], actors: [], countries: [], types: [], minSignificance: 0 }),
  /** When nothing is new: post nothing, or a one-line note. */
  emptyDigest: z.enum(['skip', 'note']).default('skip'),
  createdBy: z.string().default(''),
  createdAt: z.string().datetime({ offset: true }),
  status: z.enum(['active', 'paused']).default('active'),
  pausedReason: z.string().optional(),
  /** The instant up to which developments were delivered: the next digest starts here. */
  lastDeliveredUntil: z.string().datetime({ offset: true }).optional(),
  lastDeliveredAt: z.string().datetime({ offset: true }).optional(),
  /** Slot (ISO instant) of the last digest delivered or deliberately skipped. */
  lastSlot: z.string().optional(),
  lastSkipReason: z.string().optional(),
});
export type Subscription = z.infer<typeof Subscription>;
