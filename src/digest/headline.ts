import { joinNames, labels } from '../brief/labels';
import type { Digest } from '../domain/digest';
import type { Locale } from '../domain/text';

/** "3 March 2026, 08:00" in the reader's zone and language. */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

export function developmentCount(d: Digest): number {
  // What the digest shows, as its headline counts it; the rest is named in "also".
  if (d.view) return d.view.count.developments;
  let n = d.more;
  for (const g of d.incidents) n += g.developments.length;
  return n;
}

/**
 * The one line a digest's top-level message carries (details go in its thread): how many
 * developments and the first incidents, so a phone notification already says what changed.
 */
export function digestHeadline(d: Digest): string {
  if (d.view) return d.view.headline;
  const L = labels(d.locale);
  const n = developmentCount(d);
  if (n === 0) return `${L.digestTitle}: ${L.nothingNew}`;
  const names = d.incidents.slice(0, 3).map((g) => g.incident.name);
  const others = d.incidents.length - names.length;
  const list =
    others > 0
      ? `${names.join(', ')}${d.locale === 'fr' ? ` et ${others} autre${others > 1 ? 's' : ''}` : ` and ${others} other${others > 1 ? 's' : ''}`}`
      : joinNames(names, d.locale);
  const count = L.development(n);
  return `${L.digestTitle}: ${count} (${list})`;
}
