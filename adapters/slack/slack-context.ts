import type { Locale } from '../../src/domain/text';
import type { FeedRuntime } from '../../src/feeds/feed-runtime';
import type { ChatService } from '../../src/chat/chat-service';
import type { Logger } from '../../src/log';
import type { BriefingService } from '../../src/service/briefing-service';
import type { ChannelSettingsStore, SubscriptionStore } from '../../src/subscriptions/subscription-store';
import type { BriefCache } from './brief-cache';
import type { ChannelLocales } from './channel-locales';
import type { SubscriptionPermissions } from './permissions';

/** What every command and listener file receives from the composition in app.ts. */
export interface SlackContext {
  briefing: BriefingService;
  /** The surface-neutral commands (src/chat). */
  chat: ChatService;
  subscriptions: SubscriptionStore;
  channels: ChannelSettingsStore;
  /** Channel languages, remembered so a lookup need not wait for the store. */
  locales: ChannelLocales;
  briefs: BriefCache;
  permissions: SubscriptionPermissions;
  log: Logger;
  defaults: { locale: Locale; timezone: string };
  now: () => Date;
  /** Followed feeds (`/cyberbrief sources`); absent when the deployment gives the chat no feed store. */
  feeds?: Pick<FeedRuntime, 'store' | 'followed'>;
}

/** The channel's language (`/cyberbrief lang`), else the deployment's. */
export function localeFor(ctx: SlackContext, channel: string | undefined): Promise<Locale> {
  return ctx.locales.get(channel);
}
