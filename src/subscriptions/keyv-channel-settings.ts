import type Keyv from 'keyv';
import type { Platform } from '../domain/subscription';
import { Locale } from '../domain/text';
import type { KvBackend } from '../store/kv';
import type { ChannelSettingsStore } from './subscription-store';

/** Per-channel language, one small record per (platform, channel). */
export class KeyvChannelSettings implements ChannelSettingsStore {
  private readonly records: Keyv;

  constructor(kv: KvBackend, opts: { namespace?: string } = {}) {
    this.records = kv.namespace(opts.namespace ?? 'channel-settings');
  }

  async getLocale(platform: Platform, channel: string): Promise<Locale | undefined> {
    const value = (await this.records.get(key(platform, channel))) as { locale?: unknown } | undefined;
    const r = Locale.safeParse(value?.locale);
    return r.success ? r.data : undefined;
  }

  async setLocale(platform: Platform, channel: string, locale: Locale): Promise<void> {
    const previous = ((await this.records.get(key(platform, channel))) as Record<string, unknown> | undefined) ?? {};
    await this.records.set(key(platform, channel), { ...previous, locale: Locale.parse(locale) });
  }
}

function key(platform: Platform, channel: string): string {
  return `${platform}:${channel}`;
}
