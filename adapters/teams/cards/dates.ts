import { formatDate, formatPeriod } from '../../../src/brief/labels';
import type { Locale } from '../../../src/domain/text';

/**
 * formatDate builds an Intl.DateTimeFormat per call; a card formats dozens of dates, and the
 * same ones again and again, so they are remembered (bounded: the map is cleared when full).
 */
const memo = new Map<string, string>();
const MAX = 20_000;

export function dateLabel(date: string, locale: Locale): string {
  const key = `${locale}${date}`;
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX) memo.clear();
    v = formatDate(date, locale);
    memo.set(key, v);
  }
  return v;
}

export function periodLabel(period: { start: string; end?: string }, locale: Locale): string {
  if (!period.end || period.end === period.start) return dateLabel(period.start, locale);
  const key = `${locale}${period.start}/${period.end}`;
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX) memo.clear();
    v = formatPeriod(period, locale);
    memo.set(key, v);
  }
  return v;
}
