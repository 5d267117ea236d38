import { type Caller, ChatService } from '../../src/chat/chat-service';
import type { FeedsAccess } from '../../src/chat/sources';
import type { Locale } from '../../src/domain/text';
import { KeyvChannelSettings } from '../../src/subscriptions/keyv-channel-settings';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import type { App } from '../root';

/**
 * The chat layer over an opened app, for the terminal. Its stores open only if a command uses
 * them: `cyberbrief brief` must not pay for namespaces it never reads.
 */
export function openChat(app: App, now: () => Date, feeds?: FeedsAccess): ChatService {
  return new ChatService({
    briefing: app.briefing,
    subscriptions: lazy(() => new KeyvSubscriptionStore(app.kv)),
    channels: lazy(() => new KeyvChannelSettings(app.kv)),
    ...(feeds ? { feeds } : {}),
    log: app.log,
    now,
  });
}

/** Whoever runs the terminal runs the deployment: they may change anything. */
export function cliCaller(locale: Locale, timezone: string): Caller {
  return {
    platform: 'cli',
    channel: '',
    workspace: '',
    user: 'cli',
    locale,
    timezone,
    mayManageDigest: async () => true,
    mayManageFeeds: async () => true,
  };
}

function lazy<T extends object>(make: () => T): T {
  let made: T | undefined;
  return new Proxy({} as T, {
    get(_target, key) {
      made ??= make();
      const value = (made as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(made) : value;
    },
  });
}
