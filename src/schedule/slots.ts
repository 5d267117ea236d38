import { checkCron, type ParsedFields } from '../time/cron';
import { instantOf, offsetAt, wallTime } from '../time/zone';

/**
 * A cron expression ready to enumerate. Day matching follows node-cron's own rules (day of month
 * AND day of week, `L`, `nW`, `L-n`, `nL`, `n#k`), so the slots computed here are the times node-cron
 * itself would fire; the difference is that these functions are pure and take "now" as an argument.
 */
export interface CompiledCron {
  readonly expression: string;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly (number | string)[];
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: readonly (number | string)[];
}

const compiled = new Map<string, CompiledCron>();

/** Compiles (and caches) an expression; throws on an invalid one, which subscriptions never hold. */
export function compileCron(expression: string): CompiledCron {
  const cached = compiled.get(expression);
  if (cached) return cached;
  const check = checkCron(expression);
  if (!check.ok) throw new Error(`invalid cron expression "${expression}": ${check.error}`);
  const f: ParsedFields = check.fields;
  const asc = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const c: CompiledCron = {
    expression,
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    daysOfMonth: f.dayOfMonth,
    months: new Set(f.month),
    daysOfWeek: f.dayOfWeek.map((d) => (d === 7 ? 0 : d)),
  };
  compiled.set(expression, c);
  return c;
}

const DAY_MS = 86_400_000;
/** DST moves a wall time by at most this much (Lord Howe's 30 min, most zones 1 h). */
const SHIFT_MS = 3 * 3_600_000;
/** How far back a slot is looked for: a yearly schedule still finds last year's slot. */
const LOOKBACK_DAYS = 400;
const LOOKAHEAD_DAYS = 366 * 5;

/**
 * The latest slot at or before `now`, and strictly after `after` when given: the digest that is
 * due. Undefined when no slot falls in (after, now].
 */
export function latestSlot(
  cron: CompiledCron | string,
  timeZone: string,
  now: number,
  after = -Infinity,
): number | undefined {
  const c = typeof cron === 'string' ? compileCron(cron) : cron;
  const localNow = now + offsetAt(now, timeZone);
  let day = dayOf(localNow);
  const stopDay = Number.isFinite(after)
    ? dayOf(after + offsetAt(after, timeZone)).serial - 1
    : day.serial - LOOKBACK_DAYS;
  for (let i = 0; i <= LOOKBACK_DAYS && day.serial >= stopDay; i++, day = shiftDay(day, -1)) {
    if (!matchesDay(c, day.year, day.month, day.day)) continue;
    const fixed = fixedOffset(day, timeZone);
    if (fixed !== undefined) {
      const t = firstAtOrBefore(c, day, now + fixed);
      if (t !== undefined) return t - fixed > after ? t - fixed : undefined;
      continue;
    }
    let best = -Infinity;
    let bestWall = -Infinity;
    // Wall times descend; DST can only reorder instants within a few hours, so stop past that.
    scan: for (let h = c.hours.length - 1; h >= 0; h--) {
      for (let m = c.minutes.length - 1; m >= 0; m--) {
        for (let s = c.seconds.length - 1; s >= 0; s--) {
          const w = {
            year: day.year,
            month: day.month,
            day: day.day,
            hour: c.hours[h] as number,
            minute: c.minutes[m] as number,
            second: c.seconds[s] as number,
          };
          const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
          if (wall > localNow + SHIFT_MS) continue;
          if (wall < bestWall - SHIFT_MS) break scan;
          const t = instantOf(w, timeZone);
          if (t <= now && t > best) {
            best = t;
            bestWall = wall;
          }
        }
      }
    }
    if (best !== -Infinity) return best > after ? best : undefined;
  }
  return undefined;
}

/** The first slot strictly after `after` (for "next digest at" and tests). */
export function nextSlot(cron: CompiledCron | string, timeZone: string, after: number): number | undefined {
  const c = typeof cron === 'string' ? compileCron(cron) : cron;
  const localAfter = after + offsetAt(after, timeZone);
  let day = dayOf(localAfter - DAY_MS);
  for (let i = 0; i <= LOOKAHEAD_DAYS; i++, day = shiftDay(day, 1)) {
    if (!matchesDay(c, day.year, day.month, day.day)) continue;
    const fixed = fixedOffset(day, timeZone);
    if (fixed !== undefined) {
      const t = firstAfter(c, day, after + fixed);
      if (t !== undefined) return t - fixed;
      continue;
    }
    let best = Infinity;
    let bestWall = Infinity;
    scan: for (const h of c.hours) {
      for (const m of c.minutes) {
        for (const s of c.seconds) {
          const wall = Date.UTC(day.year, day.month - 1, day.day, h, m, s);
          if (wall < localAfter - SHIFT_MS) continue;
          if (wall > bestWall + SHIFT_MS) break scan;
          const t = instantOf(
            { year: day.year, month: day.month, day: day.day, hour: h, minute: m, second: s },
            timeZone,
          );
          if (t > after && t < best) {
            best = t;
            bestWall = wall;
          }
        }
      }
    }
    if (best !== Infinity) return best;
  }
  return undefined;
}

/** Every slot in (from, to], oldest first (tests and previews; bounded by `limit`). */
export function slotsBetween(
  cron: CompiledCron | string,
  timeZone: string,
  from: number,
  to: number,
  limit = 10_000,
): number[] {
  const out: number[] = [];
  let t = nextSlot(cron, timeZone, from);
  while (t !== undefined && t <= to && out.length < limit) {
    out.push(t);
    t = nextSlot(cron, timeZone, t);
  }
  return out;
}

export { wallTime };

interface Day {
  year: number;
  month: number;
  day: number;
  /** Days since the epoch, for comparisons. */
  serial: number;
}

/** The zone's offset on that local day when no clock change happens within a day of it. */
function fixedOffset(d: Day, timeZone: string): number | undefined {
  const midnight = Date.UTC(d.year, d.month - 1, d.day);
  const before = offsetAt(midnight - DAY_MS, timeZone);
  return before === offsetAt(midnight + 2 * DAY_MS, timeZone) ? before : undefined;
}

/** Latest wall time of the day at or before `limitWall` (a wall-clock ms), without zone lookups. */
function firstAtOrBefore(c: CompiledCron, d: Day, limitWall: number): number | undefined {
  for (let h = c.hours.length - 1; h >= 0; h--) {
    for (let m = c.minutes.length - 1; m >= 0; m--) {
      for (let s = c.seconds.length - 1; s >= 0; s--) {
        const wall = Date.UTC(
          d.year,
          d.month - 1,
          d.day,
          c.hours[h] as number,
          c.minutes[m] as number,
          c.seconds[s] as number,
        );
        if (wall <= limitWall) return wall;
      }
    }
  }
  return undefined;
}

/** Earliest wall time of the day strictly after `limitWall`. */
function firstAfter(c: CompiledCron, d: Day, limitWall: number): number | undefined {
  for (const h of c.hours) {
    for (const m of c.minutes) {
      for (const s of c.seconds) {
        const wall = Date.UTC(d.year, d.month - 1, d.day, h, m, s);
        if (wall > limitWall) return wall;
      }
    }
  }
  return undefined;
}

function dayOf(localMs: number): Day {
  const d = new Date(localMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    serial: Math.floor(localMs / DAY_MS),
  };
}

function shiftDay(d: Day, by: number): Day {
  return dayOf(Date.UTC(d.year, d.month - 1, d.day + by));
}

function matchesDay(c: CompiledCron, year: number, month: number, day: number): boolean {
  if (!c.months.has(month)) return false;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (
    matchesDayOfMonth(c.daysOfMonth, year, month, day) && matchesDayOfWeek(c.daysOfWeek, year, month, day, weekday)
  );
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay();
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: readonly (number | string)[], year: number, month: number, day: number): boolean {
  for (const v of field) {
    if (v === day) return true;
    if (typeof v !== 'string') continue;
    if (v === 'L' && day === lastDayOfMonth(year, month)) return true;
    const weekdayToken = /^(\d{1,2}|L)W$/.exec(v);
    if (weekdayToken) {
      const target = weekdayToken[1] === 'L' ? lastDayOfMonth(year, month) : Number(weekdayToken[1]);
      if (nearestWeekday(year, month, target) === day) return true;
    }
    const offset = /^L-(\d{1,2})$/.exec(v);
    if (offset && lastDayOfMonth(year, month) - Number(offset[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(
  field: readonly (number | string)[],
  year: number,
  month: number,
  day: number,
  weekday: number,
): boolean {
  for (const v of field) {
    if (v === weekday) return true;
    if (typeof v !== 'string') continue;
    const nth = /^([0-7])#([1-5])$/.exec(v);
    if (nth) {
      if (Number(nth[1]) % 7 === weekday && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) return true;
      continue;
    }
    const last = /^([0-7])L$/i.exec(v);
    if (last && Number(last[1]) % 7 === weekday && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}
