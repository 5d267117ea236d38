import type { Locale } from '../../src/domain/text';
import type { ChannelSettingsStore } from '../../src/subscriptions/subscription-store';

/**
 * Channel languages, remembered for a while so a lookup can be answered inside its ack without
 * touching the store. A change made here is seen at once; one made by another replica or from
 * the shell is seen once the remembered value is older than `ttlMs` (a minute by default, the
 * delay replicas already accept for subscriptions).
 */
export class ChannelLocales {
  private readonly known = new Map<string, { locale: Locale; until: number }>();

  constructor(
    private readonly store: ChannelSettingsStore,
    private readonly fallback: Locale,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  /** The language if it is known without asking the store. */
  peek(channel: string): Locale | undefined {
    const hit = this.known.get(channel);
    return hit && hit.until > this.now() ? hit.locale : undefined;
  }

  async get(channel: string | undefined): Promise<Locale> {
    if (!channel) return this.fallback;
    const hit = this.peek(channel);
    if (hit) return hit;
    const locale = (await this.store.getLocale('slack', channel)) ?? this.fallback;
    this.remember(channel, locale);
    return locale;
  }

  async set(channel: string, locale: Locale): Promise<void> {
    await this.store.setLocale('slack', channel, locale);
    this.remember(channel, locale);
  }

  private remember(channel: string, locale: Locale): void {
    if (this.known.size >= this.max) this.known.clear();
    this.known.set(channel, { locale, until: this.now() + this.ttlMs });
  }
}
