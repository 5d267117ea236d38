import type { Activity } from 'botbuilder';
import { isTimeZone } from '../../../src/time/time-zone';
import type { Locale } from '../../../src/domain/text';
import type { ConversationInfo } from './conversation';
import type { BotDeps } from './deps';

/** The conversation's chosen language (`lang`), else the user's Teams language, else the configured default. */
export async function localeFor(deps: BotDeps, info: ConversationInfo, activity: Activity): Promise<Locale> {
  const chosen = info.key ? await deps.channelSettings.getLocale('teams', info.key) : undefined;
  return chosen ?? localeOfTag(activity.locale) ?? deps.defaults.locale;
}

export function localeOfTag(tag: string | undefined): Locale | undefined {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'fr' ? 'fr' : base === 'en' ? 'en' : undefined;
}

/** Teams clients send their IANA zone with each message; a subscription defaults to it. */
export function timezoneFor(deps: BotDeps, activity: Activity): string {
  const tz = (activity as { localTimezone?: string }).localTimezone;
  return tz && isTimeZone(tz) ? tz : deps.defaults.timezone;
}
