import type { Brief } from '../../src/domain/brief';
import type { Locale } from '../../src/domain/text';
import type { FeedRuntime } from '../../src/feeds/feed-runtime';
import { actorBrief, incidentBrief } from '../../src/brief/compose';
import type { Logger } from '../../src/log';
import type { BriefingService } from '../../src/service/briefing-service';
import type { ChannelSettingsStore, SubscriptionStore } from '../../src/subscriptions/subscription-store';
import type { BriefRef } from './action-ids';
import type { BriefCache } from './brief-cache';
import type { ChannelLocales } from './channel-locales';
import type { SubscriptionPermissions } from './permissions';

/** What every command and listener file receives from the composition in app.ts. */
export interface SlackContext {
  briefing: BriefingService;
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

/** Rebuilds the brief a button points at; a subject gone from the store falls back to a lookup of its words. */
export function briefFor(ctx: SlackContext, ref: BriefRef): Brief {
  const catalog = ctx.briefing.data;
  if (ref.k === 'incident') {
    const incident = catalog.incident(ref.id);
    if (incident) return incidentBrief(catalog, incident, ref.q || ref.id, ref.l);
  } else {
    const actor = catalog.actors.get(ref.id);
    if (actor) return actorBrief(catalog, actor, ref.q || ref.id, ref.l);
  }
  return ctx.briefing.brief(ref.q || ref.id, ref.l);
}
