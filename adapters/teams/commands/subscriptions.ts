import type { Subscription } from '../../../src/domain/subscription';
import type { Locale } from '../../../src/domain/text';
import { notice } from '../bot/replies';
import type { CommandRouter } from '../bot/router';
import { describeSchedule, messages } from '../messages';

/** `subscriptions`: the digest set up in this conversation, its schedule, filters and state. */
export function register(router: CommandRouter): void {
  router.command(['subscriptions', 'subscription', 'abonnements', 'abonnement'], async (c) => {
    const existing = await c.deps.subscriptions.findByChannel('teams', c.info.key);
    await c.reply(notice(existing ? describe(existing, c.locale) : [messages(c.locale).notSubscribed]));
  });
}

export function describe(s: Subscription, locale: Locale): string[] {
  const M = messages(locale);
  const status = s.status === 'active' ? M.active : M.paused(s.pausedReason ?? '');
  const lines = [M.subscriptionLine(describeSchedule(s.cron, locale), s.timezone, s.locale, status)];
  const f = s.filters;
  const words = [
    ...f.incidents.map((x) => `incident:${x}`),
    ...f.actors.map((x) => `actor:${x}`),
    ...f.countries.map((x) => `country:${x}`),
    ...f.types.map((x) => `type:${x}`),
    ...(f.minSignificance > 0 ? [`min:${f.minSignificance}`] : []),
  ];
  if (words.length > 0) lines.push(`${M.filters}: ${words.join(' ')}`);
  if (s.lastDeliveredAt) lines.push(`${M.lastDigest}: ${s.lastDeliveredAt.slice(0, 16).replace('T', ' ')} UTC`);
  return lines;
}
