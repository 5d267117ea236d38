import type { FeedRuntime } from '../../../src/feeds/feed-runtime';
import type { Logger } from '../../../src/log';
import type { BriefingService } from '../../../src/service/briefing-service';
import type { Locale } from '../../../src/domain/text';
import type { ChannelSettingsStore, SubscriptionStore } from '../../../src/subscriptions/subscription-store';
import type { KeyvConversationStore } from '../conversation-store';
import type { DigestPermission } from './permissions';

/** Everything the bot's handlers use; built once by mountTeams. */
export interface BotDeps {
  briefing: BriefingService;
  subscriptions: SubscriptionStore;
  channelSettings: ChannelSettingsStore;
  conversations: KeyvConversationStore;
  permission: DigestPermission;
  log: Logger;
  /** Language and zone when neither the conversation nor the user says otherwise. */
  defaults: { locale: Locale; timezone: string };
  now: () => Date;
  /** Followed feeds (`sources`); absent when the deployment gives the chat no feed store. */
  feeds?: Pick<FeedRuntime, 'store' | 'followed'>;
}
