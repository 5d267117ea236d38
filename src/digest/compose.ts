import type { Catalog } from '../catalog/catalog';
import type { SourceRef } from '../domain/brief';
import type { Digest } from '../domain/digest';
import type { Development } from '../domain/development';
import { sourceRef } from '../domain/source';
import type { SubscriptionFilters } from '../domain/subscription';
import { type Locale, pickText } from '../domain/text';
import { DigestIndex, type IndexedDevelopment } from './digest-index';
import { digestView } from './view';

/** How many developments a digest shows before "and N more": a phone screen's worth. */
export const DEFAULT_DIGEST_CAP = 12;

export interface DigestOptions {
  /** Inclusive start of the period (recordedAt). */
  since: Date | string;
  /** Exclusive end of the period. */
  until: Date | string;
  locale: Locale;
  filters?: Partial<SubscriptionFilters>;
  cap?: number;
}

type Entry = Digest['incidents'][number]['developments'][number];

/**
 * What was recorded in [since, until) that the filters let through, merged when several outlets
 * told the same development, ranked by significance, capped, and grouped by incident (the group
 * of the highest-ranked development first). Pure: same data and options, same digest.
 * Pass a DigestIndex when composing many digests over the same catalog.
 */
export function composeDigest(source: Catalog | DigestIndex, opts: DigestOptions): Digest {
  const since = toDate(opts.since);
  const until = toDate(opts.until);
  const index =
    source instanceof DigestIndex && source.covers(since.getTime())
      ? source
      : new DigestIndex(source instanceof DigestIndex ? source.catalog : source, since.getTime());
  const catalog = index.catalog;
  const cap = Math.max(0, opts.cap ?? DEFAULT_DIGEST_CAP);
  const accept = matcher(index, opts.filters);
  const minSignificance = opts.filters?.minSignificance ?? 0;

  // Most developments are told once: they keep their precomputed score and rank. The few told
  // several times are merged first, since the union of their sources changes their score.
  const twins = new Map<string, Item>();
  const top = new TopK<IndexedDevelopment | Item>(cap);
  const incidentFilter = opts.filters?.incidents ?? [];
  const homeOf = (d: Development) =>
    d.incidents.find((id) => incidentFilter.includes(id)) ?? (d.incidents[0] as string);
  // How many developments each incident has in the period: those the cap leaves out are named.
  const perIncident = new Map<string, number>();
  const count = (d: Development) => perIncident.set(homeOf(d), (perIncident.get(homeOf(d)) ?? 0) + 1);
  let total = 0;
  index.forEachIn(since.getTime(), until.getTime(), (r) => {
    if (!accept(r)) return;
    if (!r.hasTwin) {
      if (r.significance >= minSignificance) {
        total += 1;
        count(r.dev);
        top.offer(r);
      }
      return;
    }
    mergeTwin(index, twins, r);
  });
  for (const item of twins.values()) {
    if (item.significance < minSignificance) continue;
    total += 1;
    count(item.dev);
    top.offer(item);
  }
  const shown: Item[] = top
    .sorted()
    .map((x) =>
      'sources' in x ? x : { dev: x.dev, at: x.at, rank: x.rank, significance: x.significance, sources: x.dev.sources },
    );

  const groups = new Map<string, Entry[]>();
  const viewGroups = new Map<string, { dev: Development; significance: number; sources: string[] }[]>();
  const cited: string[] = [];
  const citedSet = new Set<string>();
  for (const item of shown) {
    const d = item.dev;
    const home = homeOf(d);
    const sources = item.sources.filter((id) => catalog.sources.has(id));
    perIncident.set(home, (perIncident.get(home) ?? 1) - 1);
    const v = viewGroups.get(home);
    if (v) v.push({ dev: d, significance: item.significance, sources });
    else viewGroups.set(home, [{ dev: d, significance: item.significance, sources }]);
    for (const id of sources) {
      if (!citedSet.has(id)) {
        citedSet.add(id);
        cited.push(id);
      }
    }
    const { text, lang } = pickText(d.text, opts.locale);
    const entry: Entry = {
      id: d.id,
      type: d.type,
      date: d.date,
      by: d.by.map((id) => catalog.actorRef(id, opts.locale)),
      against: d.against.map((id) => catalog.actorRef(id, opts.locale)),
      text,
      lang,
      significance: item.significance,
      sources,
    };
    const list = groups.get(home);
    if (list) list.push(entry);
    else groups.set(home, [entry]);
  }

  const incidents = [...groups.entries()].map(([id, developments]) => {
    const inc = catalog.incident(id);
    return { incident: { id, name: inc ? inc.name[opts.locale] : id }, developments };
  });
  const sources: SourceRef[] = cited.map((id) =>
    sourceRef(catalog.sources.get(id) as NonNullable<ReturnType<typeof catalog.sources.get>>),
  );
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    locale: opts.locale,
    incidents,
    more: total - shown.length,
    sources,
    view: digestView(
      catalog,
      [...viewGroups.entries()].map(([incidentId, items]) => ({ incidentId, items })),
      new Map([...perIncident.entries()].filter(([, n]) => n > 0)),
      opts.locale,
    ),
  };
}

/** True when the digest has nothing to show (the subscription's empty-period setting then applies). */
export function isEmptyDigest(d: Digest): boolean {
  return d.incidents.length === 0 && d.more === 0;
}

function matcher(
  index: DigestIndex,
  filters: Partial<SubscriptionFilters> | undefined,
): (r: IndexedDevelopment) => boolean {
  const incidents = new Set(filters?.incidents ?? []);
  const types = new Set(filters?.types ?? []);
  const actors = union((filters?.actors ?? []).map((id) => index.actorAndAffiliates(id)));
  const countries = union((filters?.countries ?? []).map((cc) => index.actorAndAffiliates(cc.toUpperCase())));
  return (r) => {
    const d = r.dev;
    if (types.size > 0 && !types.has(d.type)) return false;
    if (incidents.size > 0 && !d.incidents.some((id) => incidents.has(id))) return false;
    if (actors && !intersects(r.involved, actors)) return false;
    if (countries && !intersects(r.involved, countries)) return false;
    return true;
  };
}

interface Item {
  dev: Development;
  at: number;
  rank: number;
  significance: number;
  sources: string[];
}

/** Folds a development into the entry of its twins; the union of sources raises its significance. */
function mergeTwin(index: DigestIndex, twins: Map<string, Item>, r: IndexedDevelopment): void {
  const key = r.sameAs as string;
  const seen = twins.get(key);
  if (!seen) {
    twins.set(key, { dev: r.dev, at: r.at, rank: r.rank, significance: r.significance, sources: r.dev.sources });
    return;
  }
  // Keep the best-told record (most sources, then best rank) as the text shown.
  if (
    r.dev.sources.length > seen.dev.sources.length ||
    (r.dev.sources.length === seen.dev.sources.length && r.rank < seen.rank)
  ) {
    seen.dev = r.dev;
    seen.rank = r.rank;
  }
  seen.at = Math.max(seen.at, r.at);
  seen.sources = [...new Set([...seen.sources, ...r.dev.sources])];
  seen.significance = index.score(seen.dev, seen.sources.length);
}

type Ranked = Pick<Item, 'dev' | 'at' | 'rank' | 'significance'>;

function compareRanked(a: Ranked, b: Ranked): number {
  return b.significance - a.significance || b.at - a.at || a.rank - b.rank;
}

/** The best `k` offered so far, in order; with k ≈ 12 and hundreds offered, most are one comparison. */
class TopK<T extends Ranked> {
  private readonly items: T[] = [];
  constructor(private readonly k: number) {}
  offer(x: T): void {
    const items = this.items;
    if (this.k === 0) return;
    if (items.length === this.k) {
      if (compareRanked(x, items[items.length - 1] as T) >= 0) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0 && compareRanked(x, items[i - 1] as T) < 0) i--;
    items.splice(i, 0, x);
  }
  sorted(): T[] {
    return this.items;
  }
}

function union(sets: ReadonlySet<string>[]): ReadonlySet<string> | undefined {
  if (sets.length === 0) return undefined;
  if (sets.length === 1) return sets[0];
  const out = new Set<string>();
  for (const s of sets) for (const v of s) out.add(v);
  return out;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const v of small) if (large.has(v)) return true;
  return false;
}

function toDate(v: Date | string): Date {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(v)}`);
  return d;
}
