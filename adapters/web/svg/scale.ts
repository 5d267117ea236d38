import type { PartialDate } from '../../../src/domain/dates';

/**
 * A partial date as a fractional year, placed in the middle of what it may mean: "2017" is mid-2017
 * and "2017-06" mid-June, so an imprecise date never looks earlier or later than it can be.
 */
export function yearFraction(date: PartialDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return y + 0.5;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = d ?? (days + 1) / 2;
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, 1) + (day - 1) * 86_400_000 + 43_200_000 - start) / (end - start);
}

export interface TimeScale {
  x(year: number): number;
  ticks: { at: number; label: string }[];
}

const MONTHS = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/**
 * A linear time axis over [min, max] mapped to [x0, x1], with year ticks (every 1, 2 or 5 years so
 * labels never collide) or, for spans under two years, ticks every quarter labelled by month.
 */
export function timeScale(min: number, max: number, x0: number, x1: number, locale: 'en' | 'fr'): TimeScale {
  let lo = min;
  let hi = max;
  if (hi - lo < 0.25) {
    const mid = (lo + hi) / 2;
    lo = mid - 0.125;
    hi = mid + 0.125;
  }
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;
  const x = (year: number) => x0 + ((year - lo) / (hi - lo)) * (x1 - x0);
  const ticks: { at: number; label: string }[] = [];
  const span = hi - lo;
  if (span < 2) {
    for (let q = Math.ceil(lo * 4); q <= Math.floor(hi * 4); q++) {
      const year = Math.floor(q / 4);
      const month = (q % 4) * 3;
      ticks.push({ at: q / 4, label: month === 0 ? String(year) : (MONTHS[locale][month] ?? '') });
    }
  } else {
    const step = span <= 8 ? 1 : span <= 20 ? 2 : 5;
    for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push({ at: y, label: String(y) });
  }
  return { x, ticks };
}
