import type { Catalog } from '../catalog/catalog';
import type { ActorKind } from '../domain/actor';
import { compareDates } from '../domain/dates';
import type { Development } from '../domain/development';
import { significance } from './significance';

/** A development with what every digest needs of it, computed once per index, not per subscription. */
export interface IndexedDevelopment {
  readonly dev: Development;
  /** recordedAt in ms: digests select on it, never on the development's date. */
  readonly at: number;
  readonly significance: number;
  /** Actor ids it concerns: by, against, and the suspects and targets of its incidents. */
  readonly involved: ReadonlySet<string>;
  /** Position in the global ranking (0 = first); a cheap tie-break that keeps sorts stable. */
  readonly rank: number;
  /**
   * Same type, day, actors and incidents: one development told by several outlets. Undefined
   * when that would be too coarse to tell (no actor, or a date less precise than a day).
   */
  readonly sameAs: string | undefined;
  /** True when another development of the catalog has the same `sameAs`: only those need merging. */
  readonly hasTwin: boolean;
}

/**
 * Developments of a catalog ordered by when cyberbrief recorded them, so a digest's period is a
 * binary search. Built once per scheduler tick and shared by every subscription composed in it;
 * it is a snapshot: build a new one after the catalog changes.
 */
export class DigestIndex {
  private readonly byTime: IndexedDevelopment[];
  private readonly times: Float64Array;
  private readonly childrenOf = new Map<string, string[]>();
  private readonly ofCountry = new Map<string, string[]>();
  private readonly expanded = new Map<string, ReadonlySet<string>>();

  /**
   * `recordedFrom` leaves out what was recorded earlier (a scheduler tick only needs its due
   * subscriptions' periods); `covers` tells whether a period can be composed from this index.
   */
  constructor(
    readonly catalog: Catalog,
    readonly recordedFrom = -Infinity,
  ) {
    for (const a of catalog.actors.values()) {
      if (a.parent !== undefined) push(this.childrenOf, a.parent, a.id);
      if (a.country !== undefined && a.id !== a.country) push(this.ofCountry, a.country, a.id);
    }
    const rows: { -readonly [K in keyof IndexedDevelopment]: IndexedDevelopment[K] }[] = [];
    const keyCount = new Map<string, number>();
    for (const dev of catalog.allDevelopments()) {
      const at = Date.parse(dev.recordedAt);
      // A back catalogue read when a feed is followed is history, not news.
      if (!Number.isFinite(at) || at < recordedFrom || dev.backfill) continue;
      const sameAs = sameAsKey(dev);
      if (sameAs !== undefined) keyCount.set(sameAs, (keyCount.get(sameAs) ?? 0) + 1);
      rows.push({
        dev,
        at,
        significance: this.score(dev, dev.sources.length),
        involved: this.involvedIn(dev),
        sameAs,
        rank: 0,
        hasTwin: false,
      });
    }
    [...rows].sort(compareRows).forEach((r, i) => {
      r.rank = i;
      r.hasTwin = r.sameAs !== undefined && (keyCount.get(r.sameAs) ?? 0) > 1;
    });
    this.byTime = rows.sort((a, b) => a.at - b.at || a.rank - b.rank);
    this.times = Float64Array.from(this.byTime, (r) => r.at);
  }

  covers(since: number): boolean {
    return since >= this.recordedFrom;
  }

  get size(): number {
    return this.byTime.length;
  }

  /** Developments recorded in [since, until), oldest first. */
  range(since: number, until: number): readonly IndexedDevelopment[] {
    return this.byTime.slice(lowerBound(this.times, since), lowerBound(this.times, until));
  }

  /** Calls `fn` for each development recorded in [since, until), without copying the window. */
  forEachIn(since: number, until: number, fn: (row: IndexedDevelopment) => void): void {
    const end = lowerBound(this.times, until);
    for (let i = lowerBound(this.times, since); i < end; i++) fn(this.byTime[i] as IndexedDevelopment);
  }

  /**
   * An actor and those who answer for it: a state covers the groups and bodies publicly tied to
   * it (country), and any actor covers its sub-bodies (parent), so `actor:CN` finds APT31.
   */
  actorAndAffiliates(id: string): ReadonlySet<string> {
    let set = this.expanded.get(id);
    if (set) return set;
    const out = new Set<string>([id]);
    const queue = [id, ...(this.ofCountry.get(id) ?? [])];
    for (const c of this.ofCountry.get(id) ?? []) out.add(c);
    while (queue.length > 0) {
      const next = queue.pop() as string;
      for (const child of this.childrenOf.get(next) ?? []) {
        if (!out.has(child)) {
          out.add(child);
          queue.push(child);
        }
      }
    }
    set = out;
    this.expanded.set(id, set);
    return set;
  }

  /** Significance of a development told by `sourceCount` outlets. */
  score(dev: Development, sourceCount: number): number {
    const byKinds: ActorKind[] = [];
    for (const id of dev.by) {
      const a = this.catalog.actors.get(id);
      if (a) byKinds.push(a.kind);
    }
    return significance({ type: dev.type, stance: dev.stance, byKinds, sourceCount });
  }

  private involvedIn(dev: Development): Set<string> {
    const set = new Set<string>([...dev.by, ...dev.against]);
    for (const id of dev.incidents) {
      const inc = this.catalog.incident(id);
      if (!inc) continue;
      for (const a of inc.suspected) set.add(a);
      for (const a of inc.targets) set.add(a);
    }
    return set;
  }
}

/** Ranking: significance, then the newest recorded, then the latest dated, then id for determinism. */
export function compareRows(
  a: { dev: Development; at: number; significance: number },
  b: { dev: Development; at: number; significance: number },
): number {
  return (
    b.significance - a.significance ||
    b.at - a.at ||
    compareDates(b.dev.date, a.dev.date) ||
    (a.dev.id < b.dev.id ? -1 : a.dev.id > b.dev.id ? 1 : 0)
  );
}

function sameAsKey(d: Development): string | undefined {
  if (d.by.length === 0 || d.date.length < 10) return undefined;
  const sorted = (xs: string[]) => [...xs].sort().join(',');
  return `${d.type}|${d.stance ?? ''}|${d.date}|${sorted(d.by)}|${sorted(d.against)}|${sorted(d.incidents)}`;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
