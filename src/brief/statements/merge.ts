import { compareDates, endOf, type PartialDate, precisionOf, startOf } from '../../domain/dates';
import type { Development, DevelopmentType, Stance } from '../../domain/development';

/** Developments of one type and target, a few days apart, told as one statement. */
export interface Fact {
  type: DevelopmentType;
  stance?: Stance;
  /** Earliest and latest dates of the developments merged (the most precise ones when there are any). */
  start: PartialDate;
  end: PartialDate;
  by: string[];
  against: string[];
  incidents: string[];
  sources: string[];
  ids: string[];
  /** Languages of the article sentences behind it (ingested developments), for the quotes. */
  quotes: { text: string; lang: string; sources: string[] }[];
}

const DAY = 86_400_000;
/** Allied statements on one finding come over a few days (the WannaCry attributions of 19–20 Dec 2017). */
export const MERGE_WINDOW_DAYS = 3;

/** Responses that list whom they target: one authority's package on one day is one statement. */
const LISTINGS: ReadonlySet<DevelopmentType> = new Set(['sanction', 'indictment', 'expulsion']);

/** The stance a development states, with the old records' default. */
export function stanceOf(d: Pick<Development, 'type' | 'stance'>): Stance | undefined {
  if (d.type === 'denial') return 'denied';
  if (d.type === 'attribution') return d.stance === 'suspected' ? 'suspected' : 'attributed';
  return undefined;
}

/**
 * Merges developments into facts: same type and stance, same incident(s), same target once each
 * actor is read as its state (an attribution to Lazarus Group and one to North Korea are about one
 * target), and dates within the window; a month-precise date joins the days it contains.
 * Denials merge on the incident alone: what is denied is the role in it. Input order does not matter.
 */
export function mergeDevelopments(
  devs: readonly Development[],
  stateOf: (actorId: string) => string | undefined,
  opts: { windowDays?: number; scope?: string } = {},
): Fact[] {
  const windowDays = opts.windowDays ?? MERGE_WINDOW_DAYS;
  const sorted = [...devs].sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
  const open = new Map<string, Fact[]>();
  const keys = new Map<Fact, { target: string; by: string }>();
  const out: Fact[] = [];
  const statesOf = (ids: string[]) => [...new Set(ids.map((id) => stateOf(id) ?? id))].sort().join(',');
  for (const d of sorted) {
    const stance = stanceOf(d);
    const target = d.type === 'denial' ? '' : statesOf(d.against);
    const by = statesOf(d.by);
    // Within one incident's brief, a development also about other incidents is about this one.
    const scope = opts.scope && d.incidents.includes(opts.scope) ? opts.scope : [...d.incidents].sort().join(',');
    const key = `${d.type}|${stance ?? ''}|${scope}`;
    const candidates = open.get(key) ?? [];
    const fact = candidates.find((f) => {
      const k = keys.get(f)!;
      // One package of sanctions or charges by one authority is one line, whoever it lists.
      return near(f, d.date, windowDays) && (k.target === target || (LISTINGS.has(d.type) && k.by === by));
    });
    if (fact) {
      absorb(fact, d);
      continue;
    }
    const fresh: Fact = {
      type: d.type,
      ...(stance ? { stance } : {}),
      start: d.date,
      end: d.date,
      by: [],
      against: [],
      incidents: [...d.incidents],
      sources: [],
      ids: [],
      quotes: [],
    };
    absorb(fresh, d);
    keys.set(fresh, { target, by });
    candidates.push(fresh);
    open.set(key, candidates);
    out.push(fresh);
  }
  // Actors named on a precise day come before those known only by month ("19–20 Dec 2017 — the
  // United States, ..., and Canada"), in the order they spoke.
  const precision = new Map<string, number>();
  for (const d of sorted) for (const id of d.by) precision.set(id, Math.max(precision.get(id) ?? 0, d.date.length));
  for (const f of out) f.by.sort((a, b) => (precision.get(b) ?? 0) - (precision.get(a) ?? 0));
  return out;
}

function near(f: Fact, date: PartialDate, windowDays: number): boolean {
  const p = precisionOf(date);
  const fp = precisionOf(f.end);
  if (p === 'year' || fp === 'year')
    return date.slice(0, 4) === f.start.slice(0, 4) && date.slice(0, 4) === f.end.slice(0, 4);
  if (p === 'month' || fp === 'month') {
    // A month-precise date overlaps the days of that month.
    return startOf(date) <= endOf(f.end) && endOf(date) >= startOf(f.start);
  }
  return startOf(date) - endOf(f.end) <= windowDays * DAY;
}

function absorb(f: Fact, d: Development): void {
  const add = (list: string[], ids: readonly string[]) => {
    for (const id of ids) if (!list.includes(id)) list.push(id);
  };
  add(f.by, d.by);
  add(f.against, d.against);
  add(f.sources, d.sources);
  f.ids.push(d.id);
  // The range keeps the most precise dates: "19–20 Dec 2017", not "Dec 2017".
  if (precisionOf(d.date) === 'day' || precisionOf(f.start) !== 'day') {
    if (precisionOf(f.start) !== 'day' && precisionOf(d.date) === 'day') {
      f.start = d.date;
      f.end = d.date;
    } else {
      if (compareDates(d.date, f.start) < 0) f.start = d.date;
      if (compareDates(d.date, f.end) > 0) f.end = d.date;
    }
  }
  if (d.origin === 'ingested' && d.evidence)
    f.quotes.push({ text: d.evidence.text, lang: d.evidence.lang, sources: d.sources });
}
