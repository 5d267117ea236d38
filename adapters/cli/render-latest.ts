import type { LatestItem } from '../../src/brief/latest';
import { labels } from '../../src/brief/labels';
import type { Locale } from '../../src/domain/text';
import { stripControl } from './render-brief';

/** One line per recently recorded development, with its first source. */
export function renderLatestText(items: LatestItem[], locale: Locale): string {
  const L = labels(locale);
  if (items.length === 0) return locale === 'fr' ? 'Rien n’est encore enregistré.\n' : 'Nothing recorded yet.\n';
  const lines = items.map((d) => {
    const source = d.sources[0];
    const cite = source ? ` [${source.url ?? source.title ?? source.id}]` : '';
    return stripControl(`${d.date}  ${d.incident.name} · ${L.type[d.type]}: ${d.text}${cite}`);
  });
  return `${lines.join('\n')}\n`;
}
