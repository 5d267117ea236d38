import { type PartialDate, precisionOf } from '../../domain/dates';
import type { Locale } from '../../domain/text';

const FORMATS = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, precision: 'day' | 'month', month: 'short' | 'long' = 'short'): Intl.DateTimeFormat {
  const key = `${locale}${precision}${month}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      ...(precision === 'day' ? { day: 'numeric' } : {}),
      month,
      year: 'numeric',
      timeZone: 'UTC',
    });
    FORMATS.set(key, f);
  }
  return f;
}

const asDate = (d: PartialDate) => {
  const [y, m = 1, day = 1] = d.split('-').map(Number) as [number, number?, number?];
  return new Date(Date.UTC(y, m - 1, day));
};

/** "19–20 Dec 2017", "Dec 2017", "2017" ("19–20 déc. 2017" in French): as precise as the dates. */
export function shortRange(
  start: PartialDate,
  end: PartialDate,
  locale: Locale,
  month: 'short' | 'long' = 'short',
): string {
  const one = (d: PartialDate) => {
    const p = precisionOf(d);
    return p === 'year' ? d : fmt(locale, p, month).format(asDate(d));
  };
  const p = precisionOf(start);
  if (start === end) return one(start);
  // Dates of different precision ("2006" and "19 May 2014") are each told as precisely as known.
  if (precisionOf(end) !== p || p === 'year') return `${one(start)} – ${one(end)}`;
  const f = fmt(locale, p, month);
  return f.formatRange(asDate(start), asDate(end)).replace(/^(\d{1,2})\s–\s(\d)/u, '$1–$2');
}

/** A header period: "30–31 July 2020", "May 2017 – July 2020". */
export function longRange(period: { start: PartialDate; end?: PartialDate }, locale: Locale): string {
  return shortRange(period.start, period.end ?? period.start, locale, 'long');
}
