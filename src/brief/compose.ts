import type { Catalog } from '../catalog/catalog';
import type { Actor, ActorRef } from '../domain/actor';
import type { Brief, Candidate, SourceRef } from '../domain/brief';
import { compareDates } from '../domain/dates';
import type { Development, DevelopmentType } from '../domain/development';
import type { Incident } from '../domain/incident';
import { sourceRef } from '../domain/source';
import { type Locale, pickText } from '../domain/text';
import type { SearchOutcome } from '../search/search-index';
import { summaryFor } from './summary';
import { quoted } from '../lang/french-typography';
import { actorScreen, incidentScreen } from './first-screen';
import type { FirstScreen } from '../domain/screen';
import { formatDate, labels } from './labels';

export const RESPONSE_TYPES: ReadonlySet<DevelopmentType> = new Set([
  'condemnation',
  'sanction',
  'indictment',
  'summons',
  'expulsion',
  'policy',
  'inquiry',
  'statement',
]);
const ATTRIBUTION_TYPES: ReadonlySet<DevelopmentType> = new Set(['attribution', 'denial']);

/** Builds the Brief for a search outcome. Pure: same catalog and outcome, same brief. */
export function composeBrief(catalog: Catalog, outcome: SearchOutcome, query: string, locale: Locale): Brief {
  const L = labels(locale);
  const shown = quoted(query.slice(0, 80), locale);
  const detailed = (cs: Candidate[]) => cs.map((c) => ({ ...c, detail: candidateDetail(catalog, c, locale) }));
  if (outcome.status === 'ambiguous') {
    return empty(query, locale, 'ambiguous', `${L.severalMatches} ${shown}`, {
      candidates: detailed(outcome.candidates),
      asOf: catalog.asOf,
    });
  }
  if (outcome.status === 'not_found') {
    return empty(query, locale, 'not_found', `${L.noMatch} ${shown}`, {
      suggestions: outcome.suggestions.map((c) => c.name),
      candidates: outcome.suggestions.length > 0 ? detailed(outcome.suggestions) : undefined,
      asOf: catalog.asOf,
    });
  }
  const hit = outcome.hit;
  if (hit.kind === 'incident') {
    const incident = catalog.incident(hit.id);
    // The other things the words name (the victim organisation itself) stay one choice away.
    const others = outcome.others?.filter((c) => c.id !== hit.id);
    if (incident) {
      const brief = incidentBrief(catalog, incident, query, locale);
      return others && others.length > 0 ? { ...brief, candidates: others } : brief;
    }
  } else {
    const actor = catalog.actors.get(hit.id);
    if (actor) return actorBrief(catalog, actor, query, locale);
  }
  return empty(query, locale, 'not_found', `${L.noMatch} ${shown}`, { asOf: catalog.asOf });
}

/** "Incident · 2020", "State", "Threat group · North Korea": enough to tell namesakes apart. */
export function candidateDetail(catalog: Catalog, c: Candidate, locale: Locale): string {
  const L = labels(locale);
  if (c.kind === 'incident') {
    const inc = catalog.incident(c.id);
    return inc ? `${L.incident} · ${inc.period.start.slice(0, 4)}` : L.incident;
  }
  const a = catalog.actors.get(c.id);
  if (!a) return '';
  const country = a.kind !== 'state' && a.country ? catalog.actors.get(a.country)?.name[locale] : undefined;
  return country ? `${L.kind[a.kind]} · ${country}` : L.kind[a.kind];
}

function empty(
  query: string,
  locale: Locale,
  status: 'ambiguous' | 'not_found',
  title: string,
  extra: { candidates?: Candidate[]; suggestions?: string[]; asOf?: string },
): Brief {
  return {
    query,
    locale,
    status,
    title,
    summary: [],
    attribution: [],
    responses: [],
    timeline: [],
    related: [],
    sources: [],
    ...extra,
  };
}

export function incidentBrief(catalog: Catalog, incident: Incident, query: string, locale: Locale): Brief {
  const devs = catalog.developmentsOf(incident.id);
  const refs = (ids: string[]) => ids.map((id) => catalog.actorRef(id, locale));
  const cited = new SourceCollector(catalog);
  const attribution = devs
    .filter((d) => ATTRIBUTION_TYPES.has(d.type))
    .map((d) => {
      const { text, lang } = pickText(d.text, locale);
      return {
        date: d.date,
        stance: d.stance ?? (d.type === 'denial' ? ('denied' as const) : ('attributed' as const)),
        by: refs(d.by),
        // For a denial, `to` is the accuser being answered (if the record names one).
        to: refs(d.against),
        text,
        lang,
        sources: cited.add(d.sources),
      };
    });
  const responses = devs
    .filter((d) => RESPONSE_TYPES.has(d.type))
    .map((d) => {
      const { text, lang } = pickText(d.text, locale);
      return {
        date: d.date,
        type: d.type,
        by: refs(d.by),
        against: refs(d.against),
        text,
        lang,
        sources: cited.add(d.sources),
      };
    });
  const timeline = devs.map((d) => {
    const { text, lang } = pickText(d.text, locale);
    return { date: d.date, type: d.type, text, lang, sources: cited.add(d.sources) };
  });
  const relatedIds = new Set<string>(incident.related);
  for (const d of devs) for (const id of d.incidents) if (id !== incident.id) relatedIds.add(id);
  const related = [...relatedIds]
    .map((id) => catalog.incident(id))
    .filter((i): i is Incident => i !== undefined)
    .map((i) => ({ id: i.id, name: i.name[locale] }));

  const screen = incidentScreen(catalog, incident, devs, locale);
  return {
    query,
    locale,
    status: 'found',
    subject: { kind: 'incident', id: incident.id, name: incident.name[locale], aliases: incident.aliases },
    title: incident.name[locale],
    period: incident.period,
    summary: summaryFor(catalog, incident, devs, locale),
    attribution,
    responses,
    timeline,
    related,
    sources: numbered(cited.refs(), screen),
    asOf: catalog.asOf,
    screen,
  };
}

/** The brief's sources in the first screen's numbering (`[n]` is the n-th), then any others. */
function numbered(refs: SourceRef[], screen: FirstScreen): SourceRef[] {
  const rank = new Map(screen.sources.map((s) => [s.id, s.n]));
  const max = screen.sources.length + 1;
  return refs
    .map((r, i) => ({ r, k: rank.get(r.id) ?? max + i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
}

/** How many entries an actor brief lists per section: the newest, with counts over all in the summary. */
const ACTOR_TIMELINE = 15;
const ACTOR_LIST = 20;
const newest = <T extends { date: string }>(xs: T[], n: number): T[] => xs.slice(Math.max(0, xs.length - n));

export function actorBrief(catalog: Catalog, actor: Actor, query: string, locale: Locale): Brief {
  const L = labels(locale);
  // A state answers for the groups publicly tied to it: "china" covers APT31 and HAFNIUM.
  const selves = new Set<string>([actor.id]);
  if (actor.kind === 'state') {
    for (const a of catalog.actors.values()) if (a.kind !== 'state' && a.country === actor.id) selves.add(a.id);
  } else {
    for (const a of catalog.actors.values()) if (a.parent === actor.id) selves.add(a.id);
  }
  const incidentIds = new Set<string>();
  for (const id of selves) for (const inc of catalog.incidentsOfActor(id)) incidentIds.add(inc.id);
  const incidents = [...incidentIds].map((id) => catalog.incident(id)).filter((i): i is Incident => i !== undefined);
  incidents.sort((a, b) => compareDates(b.period.start, a.period.start));

  const refs = (ids: string[]) => ids.map((id) => catalog.actorRef(id, locale));
  const cited = new SourceCollector(catalog);
  // A group is rarely named alone: governments name its state. Those attributions count for the
  // group too, but only in incidents where the group itself is the suspect.
  const suspectedHere = new Set(incidents.filter((i) => i.suspected.some((id) => selves.has(id))).map((i) => i.id));
  const sponsor = actor.kind === 'group' ? actor.country : undefined;
  const against = (d: Development) =>
    d.against.some((id) => selves.has(id)) ||
    (sponsor !== undefined && d.against.includes(sponsor) && d.incidents.some((i) => suspectedHere.has(i)));
  const by = (d: Development) => d.by.some((id) => selves.has(id));
  // Only developments by or against the actor are kept from the sweep: a state can appear in
  // thousands of incidents, and holding all their developments at once is what costs memory.
  const all: Development[] = [];
  const seen = new Set<string>();
  for (const inc of incidents) {
    for (const d of catalog.developmentsOf(inc.id, { scan: incidents.length > 50 })) {
      if (seen.has(d.id) || !(against(d) || by(d))) continue;
      seen.add(d.id);
      all.push(d);
    }
  }
  const attributionDevs = all
    .filter((d) => (d.type === 'attribution' && against(d)) || (d.type === 'denial' && by(d)))
    .sort((a, b) => compareDates(a.date, b.date));
  const responseDevs = all
    .filter((d) => RESPONSE_TYPES.has(d.type) && (against(d) || by(d)))
    .sort((a, b) => compareDates(a.date, b.date));
  const accusers = new Set<string>();
  for (const d of attributionDevs)
    if (d.type === 'attribution' && d.stance === 'attributed')
      for (const id of d.by) accusers.add(catalog.actorRef(id, locale).name);
  const counts = countTypes(
    responseDevs.map((d) => d.type),
    locale,
  );
  const attribution = newest(attributionDevs, ACTOR_LIST).map((d) => {
    const { text, lang } = pickText(d.text, locale);
    return {
      date: d.date,
      stance: d.stance ?? (d.type === 'denial' ? ('denied' as const) : ('attributed' as const)),
      by: refs(d.by),
      to: refs(d.against),
      text,
      lang,
      sources: cited.add(d.sources),
    };
  });
  const responses = newest(responseDevs, ACTOR_LIST).map((d) => {
    const { text, lang } = pickText(d.text, locale);
    return {
      date: d.date,
      type: d.type,
      by: refs(d.by),
      against: refs(d.against),
      text,
      lang,
      sources: cited.add(d.sources),
    };
  });
  const timeline = all
    .sort((a, b) => compareDates(b.date, a.date))
    .slice(0, ACTOR_TIMELINE)
    .sort((a, b) => compareDates(a.date, b.date))
    .map((d) => {
      const { text, lang } = pickText(d.text, locale);
      return { date: d.date, type: d.type, text, lang, sources: cited.add(d.sources) };
    });

  const role = (inc: Incident): 'suspected' | 'target' | 'responder' =>
    inc.suspected.some((id) => selves.has(id))
      ? 'suspected'
      : inc.targets.some((id) => selves.has(id))
        ? 'target'
        : 'responder';
  const summary: string[] = [];
  if (actor.description) summary.push(actor.description[locale]);
  const suspectedIn = incidents.filter((i) => role(i) === 'suspected');
  if (suspectedIn.length > 0) {
    const names = suspectedIn.slice(0, 5).map((i) => i.name[locale]);
    const first = suspectedIn[suspectedIn.length - 1]!.period.start.slice(0, 4);
    const last = suspectedIn[0]!.period.start.slice(0, 4);
    const n = suspectedIn.length;
    const span =
      first === last
        ? locale === 'fr'
          ? `en ${first}`
          : `in ${first}`
        : locale === 'fr'
          ? `entre ${first} et ${last}`
          : `between ${first} and ${last}`;
    summary.push(
      locale === 'fr'
        ? `Mis en cause dans ${n} incident${n > 1 ? 's' : ''} connu${n > 1 ? 's' : ''} ${span} : ${names.join(' ; ')}.`
        : `Linked to ${n} known incident${n > 1 ? 's' : ''} ${span}: ${names.join('; ')}.`,
    );
  }
  if (accusers.size > 0) {
    summary.push(
      locale === 'fr'
        ? `Attributions formelles par : ${[...accusers].slice(0, 8).join(', ')}.`
        : `Formally named by: ${[...accusers].slice(0, 8).join(', ')}.`,
    );
  }
  if (counts) summary.push(locale === 'fr' ? `Réponses recensées : ${counts}.` : `Recorded responses: ${counts}.`);
  if (summary.length === 0) summary.push(`${L.kind[actor.kind]} : ${actor.name[locale]}.`);

  const screen = actorScreen(
    catalog,
    {
      actor,
      selves,
      incidents: incidents.map((incident) => ({ incident, role: role(incident) })),
      devs: [...attributionDevs, ...responseDevs],
    },
    locale,
  );
  return {
    query,
    locale,
    status: 'found',
    subject: { kind: 'actor', id: actor.id, name: actor.name[locale], aliases: actor.aliases, actorKind: actor.kind },
    title: actor.name[locale],
    period:
      incidents.length > 0
        ? {
            start: incidents[incidents.length - 1]!.period.start,
            end: incidents[0]!.period.end ?? incidents[0]!.period.start,
          }
        : undefined,
    summary,
    attribution,
    responses,
    timeline,
    related: incidents.slice(0, 12).map((i) => ({ id: i.id, name: i.name[locale] })),
    sources: numbered(cited.refs(), screen),
    screen,
    incidents: incidents.map((i) => ({ id: i.id, name: i.name[locale], period: i.period, role: role(i) })),
    asOf: catalog.asOf,
  };
}

function countTypes(types: DevelopmentType[], locale: Locale): string {
  const L = labels(locale);
  const counts = new Map<DevelopmentType, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `${n} × ${L.type[t].toLowerCase()}`).join(', ');
}

/** Keeps the sources a brief cites, in order of first citation, each once. */
class SourceCollector {
  private readonly ids: string[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly catalog: Catalog) {}
  add(ids: string[]): string[] {
    const known = ids.filter((id) => this.catalog.sources.has(id));
    for (const id of known) {
      if (!this.seen.has(id)) {
        this.seen.add(id);
        this.ids.push(id);
      }
    }
    return known;
  }
  refs(): SourceRef[] {
    return this.ids.map((id) => sourceRef(this.catalog.sources.get(id)!));
  }
}

export function actorNames(refs: ActorRef[]): string[] {
  return refs.map((r) => r.name);
}

export { formatDate };
