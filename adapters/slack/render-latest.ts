import type { LatestItem } from '../../src/brief/latest';
import type { Locale } from '../../src/domain/text';
import { labels } from '../../src/brief/labels';
import { langNote, showDate } from './brief-lines';
import { escapeInline, escapeMrkdwn, mrkdwnLink } from './escape';
import { fitMrkdwn, LIMITS } from './limits';

/** One escaped mrkdwn line per recently recorded development (for `latest` and App Home). */
export function latestLines(items: LatestItem[], locale: Locale): string[] {
  const L = labels(locale);
  return items.map((d) => {
    const source = d.sources[0];
    const cite = source ? ` · ${mrkdwnLink(source.url, source.title ?? source.url ?? source.id)}` : '';
    const line = `• *${escapeMrkdwn(showDate(d.date, locale))}* · *${escapeInline(d.incident.name)}* · ${escapeMrkdwn(L.type[d.type])}: ${escapeInline(d.text)}${langNote(d.lang, locale)}${cite}`;
    return fitMrkdwn(line, 600);
  });
}

/** The lines packed into section texts, each inside Slack's 3,000 characters. */
export function latestText(items: LatestItem[], locale: Locale): string {
  return fitMrkdwn(latestLines(items, locale).join('\n'), LIMITS.sectionText);
}
