import { labels, siteOf } from '../brief/labels';
import { Citations, tidy, toLine } from '../brief/statements/lines';
import { mergeDevelopments } from '../brief/statements/merge';
import { catalogNamer, properName } from '../brief/statements/namer';
import type { Catalog } from '../catalog/catalog';
import { compareDates } from '../domain/dates';
import type { Development } from '../domain/development';
import type { DigestView } from '../domain/screen';
import type { Locale } from '../domain/text';

/** Most statements a digest tells per incident: the rest is one click away in the brief. */
export const DIGEST_LINES_PER_INCIDENT = 3;
/** Most incidents named in "also: ...". */
const MAX_ALSO = 5;

export interface DigestGroupInput {
  incidentId: string;
  /** Shown developments, best first, with their significance. */
  items: { dev: Development; significance: number; sources: string[] }[];
}

/**
 * The digest as statements in the channel's language: per incident at most three merged,
 * cited statements (an article in French gives an English statement in an English channel, its
 * source marked "(fr)"), one source link per incident, a headline that counts exactly what is
 * shown, and the incidents left out named.
 */
export function digestView(
  catalog: Catalog,
  groups: DigestGroupInput[],
  leftOut: Map<string, number>,
  locale: Locale,
): DigestView {
  const L = labels(locale);
  const cit = new Citations(catalog);
  const stateOf = (id: string) => {
    const a = catalog.actors.get(id);
    return a?.kind === 'state' ? id : a?.country;
  };
  let developments = 0;
  const outGroups: DigestView['groups'] = [];
  const also = new Map(leftOut);
  for (const g of groups) {
    // Lines sit under their incident's name: responses need not repeat it.
    const namer = catalogNamer(catalog, locale, g.incidentId);
    const weight = new Map(g.items.map((i) => [i.dev.id, i.significance]));
    const devs = g.items.map((i) => ({ ...i.dev, sources: i.sources }));
    const facts = mergeDevelopments(devs, stateOf, { scope: g.incidentId });
    const best = (ids: string[]) => Math.max(...ids.map((id) => weight.get(id) ?? 0));
    const kept = [...facts]
      .sort((a, b) => best(b.ids) - best(a.ids))
      .slice(0, DIGEST_LINES_PER_INCIDENT)
      .sort((a, b) => compareDates(a.start, b.start));
    if (kept.length === 0) continue;
    developments += kept.reduce((n, f) => n + f.ids.length, 0);
    const lines = kept.map((f) => toLine(f, namer, cit));
    const inc = catalog.incident(g.incidentId);
    outGroups.push({
      incident: { id: g.incidentId, name: tidy(inc ? inc.name[locale] : g.incidentId, locale) },
      lines,
      ...linkOf(
        catalog,
        kept.flatMap((f) => f.sources),
        locale,
      ),
    });
  }
  // An incident partly shown is not "also": its brief has the rest.
  for (const g of outGroups) also.delete(g.incident.id);
  const alsoList = [...also.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ALSO)
    .map(([id]) => {
      const inc = catalog.incident(id);
      return { id, name: inc ? tidy(properName(catalog, inc) ?? inc.name[locale], locale) : id };
    });
  const headline =
    outGroups.length === 0
      ? `${L.digestTitle}${locale === 'fr' ? '\u00a0:' : ':'} ${L.nothingNew}`
      : `${L.digestTitle}${locale === 'fr' ? '\u00a0:' : ':'} ${L.development(developments)} ${L.onIncidents(outGroups.length)}`;
  const moreCount = [...also.keys()].length - alsoList.length;
  return {
    headline,
    count: { developments, incidents: outGroups.length },
    groups: outGroups,
    also: alsoList,
    ...(alsoList.length > 0
      ? {
          alsoLabel: tidy(
            `${L.also}: ${alsoList.map((a) => a.name).join(', ')}${moreCount > 0 ? ` ${L.more(moreCount)}` : ''}`,
            locale,
          ),
        }
      : {}),
    sources: cit.list(locale, (id) => catalog.actorRef(id, locale).name),
  };
}

/** The one source an incident's entry links to: official first, then the most cited. */
function linkOf(catalog: Catalog, ids: string[], locale: Locale): { link?: DigestView['groups'][number]['link'] } {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .map(([id, n]) => ({ s: catalog.sources.get(id), n }))
    .filter((x) => x.s?.url !== undefined)
    .sort((a, b) => Number(b.s!.kind === 'official') - Number(a.s!.kind === 'official') || b.n - a.n);
  const s = ranked[0]?.s;
  if (!s?.url) return {};
  const label = s.title ?? siteOf(s.url) ?? s.url;
  return { link: { url: s.url, label, ...(s.language !== locale ? { langMark: s.language } : {}) } };
}
