import type { ChatService } from '../../../src/chat/chat-service';
import type { Logger } from '../../../src/log';
import type { BriefingService } from '../../../src/service/briefing-service';
import type { Locale } from '../../../src/domain/text';
import type { ChannelSettingsStore, SubscriptionStore } from '../../../src/subscriptions/subscription-store';
import type { KeyvConversationStore } from '../conversation-store';
import type { DigestPermission } from './permissions';

/** Everything the bot's handlers use; built once by mountTeams. */
export interface BotDeps {
  briefing: BriefingService;
  /** The surface-neutral commands (src/chat). */
  chat: ChatService;
  subscriptions: SubscriptionStore;
  channelSettings: ChannelSettingsStore;
  conversations: KeyvConversationStore;
  permission: DigestPermission;
  log: Logger;
  /** Language and zone when neither the conversation nor the user says otherwise. */
  defaults: { locale: Locale; timezone: string };
  now: () => Date;
}
