import { z } from 'zod';

/**
 * A calendar date whose precision is its length: `2017`, `2017-06` or `2017-06-19`.
 * Keeping precision in the value itself means a brief never claims a day it does not know.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDate>;

export type DatePrecision = 'year' | 'month' | 'day';

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.length === 4) return 'year';
  if (date.length === 7) return 'month';
  return 'day';
}

/** First instant (UTC) covered by a partial date. */
export function startOf(date: PartialDate): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/** Last millisecond (UTC) covered by a partial date. */
export function endOf(date: PartialDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined && m !== undefined) return Date.UTC(y, m - 1, d + 1) - 1;
  if (m !== undefined) return Date.UTC(y, m, 1) - 1;
  return Date.UTC(y + 1, 0, 1) - 1;
}

/** Orders partial dates chronologically; a less precise date sorts before the more precise ones it contains. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const diff = startOf(a) - startOf(b);
  if (diff !== 0) return diff;
  return a.length - b.length;
}

export function toPartialDate(d: Date, precision: DatePrecision = 'day'): PartialDate {
  const iso = d.toISOString();
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}
