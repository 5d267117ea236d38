import type { Locale } from '../domain/text';
import type { Platform, Subscription } from '../domain/subscription';

/** Digest subscriptions, in the shared store so every replica and the CLI see the same ones. */
export interface SubscriptionStore {
  list(filter?: { platform?: Platform; workspace?: string }): Promise<Subscription[]>;
  get(id: string): Promise<Subscription | undefined>;
  findByChannel(platform: Platform, channel: string): Promise<Subscription | undefined>;
  save(subscription: Subscription): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Changes whenever a subscription is added, changed or removed (replicas reload on change). */
  revision(): Promise<string | undefined>;
}

/** Per-channel preferences set with `lang en|fr`, independent of any subscription. */
export interface ChannelSettingsStore {
  getLocale(platform: Platform, channel: string): Promise<Locale | undefined>;
  setLocale(platform: Platform, channel: string, locale: Locale): Promise<void>;
}
