import { labels } from '../../src/brief/labels';
import { dateLabel } from './cards/dates';
import type { LatestItem } from '../../src/brief/latest';
import type { Locale } from '../../src/domain/text';
import { fitCard } from './cards/budget';
import { card, container, factSet, text } from './cards/elements';
import { plain } from './cards/plain-text';
import { messages } from './messages';
import type { RenderedCard } from './render-brief';

/** `latest`: the newest developments, newest first, each under its incident's name. */
export function renderLatest(items: LatestItem[], locale: Locale): RenderedCard {
  const L = labels(locale);
  const M = messages(locale);
  const built = fitCard((b) => {
    const body = [text(M.latestTitle, { size: 'Large', weight: 'Bolder' })];
    if (items.length === 0) body.push(text(M.latestEmpty));
    for (const item of items.slice(0, b.timeline)) {
      const value = `${L.type[item.type]}: ${item.text}${item.lang === locale ? '' : ` (${L.inLanguage(item.lang)})`}`;
      body.push(
        container(
          [
            text(plain(item.incident.name, 200), { weight: 'Bolder' }),
            factSet([{ title: plain(dateLabel(item.date, locale), 60), value: plain(value, b.factText) }]),
          ],
          {
            separator: true,
          },
        ),
      );
    }
    const fb = [M.latestTitle, ...items.slice(0, 5).map((i) => `${i.incident.name}: ${i.text}`)]
      .map((l) => plain(l, b.factText))
      .join('\n');
    return card(body, [], fb);
  });
  return { card: built, summary: plain(items[0] ? `${M.latestTitle}: ${items[0].incident.name}` : M.latestTitle, 200) };
}
