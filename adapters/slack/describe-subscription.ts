import { filterWords } from '../../src/chat/filter-words';
import type { Subscription } from '../../src/domain/subscription';
import type { Locale } from '../../src/domain/text';
import { escapeMrkdwn } from './escape';
import { strings } from './strings';

const DAY = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};

/** "weekdays at 08:00 (Europe/Paris)"; any schedule beyond "minute hour * * days" is shown as its cron expression. */
export function describeSchedule(cron: string, timezone: string, locale: Locale): string {
  const S = strings(locale);
  const m = /^(\d{1,2}) (\d{1,2}) \* \* ([\d,*-]+)$/.exec(cron.trim());
  if (!m) return `cron \`${escapeMrkdwn(cron)}\` (${escapeMrkdwn(timezone)})`;
  const time = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  const days = m[3]!;
  let when: string;
  if (days === '1-5') when = S.weekdays;
  else if (days === '*' || days === '0-6') when = S.daily;
  else if (/^\d(,\d)*$/.test(days))
    when = S.on(
      days
        .split(',')
        .map((d) => DAY[locale][Number(d) % 7])
        .join(', '),
    );
  else return `cron \`${escapeMrkdwn(cron)}\` (${escapeMrkdwn(timezone)})`;
  return `${when} ${S.at} ${time} (${escapeMrkdwn(timezone)})`;
}

/** One escaped mrkdwn line: schedule, language, filters and, when paused, why. */
export function describeSubscription(sub: Subscription, locale: Locale): string {
  const S = strings(locale);
  const parts = [describeSchedule(sub.cron, sub.timezone, locale), S.in(sub.locale)];
  const filters = filterWords(sub.filters);
  if (filters.length > 0) parts.push(`${S.filters} \`${escapeMrkdwn(filters.join(' '))}\``);
  if (sub.status === 'paused') parts.push(`*${escapeMrkdwn(S.paused(sub.pausedReason ?? '?'))}*`);
  else if (sub.lastDeliveredAt) parts.push(escapeMrkdwn(S.lastDigest(sub.lastDeliveredAt.slice(0, 10))));
  return parts.join(' · ');
}
