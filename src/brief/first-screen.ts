import type { Catalog } from '../catalog/catalog';
import type { Actor } from '../domain/actor';
import { compareDates, endOf, type PartialDate, startOf } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { FirstScreen } from '../domain/screen';
import type { Locale } from '../domain/text';
import { splitSentences } from '../text/sentences';
import { formatDate, labels } from './labels';
import { type Fact, mergeDevelopments } from './statements/merge';
import { catalogNamer, properName } from './statements/namer';
import type { Namer } from './statements/phrase';
import { Citations, RESPONSE_RANK, tidy, toLine } from './statements/lines';
import { longRange } from './statements/dates';

/** What the first screen holds at most, counted as a reader sees it (the surfaces add their labels and buttons). */
export const SCREEN_TEXT_BUDGET = 760;
const MAX_GIST = 3;
const MAX_ATTRIBUTION = 4;
const MAX_RESPONSES = 4;
const MAX_DENIALS = 2;
const MAX_INCIDENTS = 5;

const byDate = (a: Fact, b: Fact) => compareDates(a.start, b.start);

/** The facts a first screen shows: the weightiest `max`, told in date order. */
function pick(facts: Fact[], max: number, weight: (f: Fact) => number): Fact[] {
  return [...facts]
    .sort((a, b) => weight(a) - weight(b) || byDate(a, b))
    .slice(0, max)
    .sort(byDate);
}

interface Parts {
  locale: Locale;
  title: string;
  kindLabel: string;
  gist: string[];
  facts: Fact[];
  namer: Namer;
  incidents?: FirstScreen['incidents'];
  related: FirstScreen['related'];
  basePeriod?: { start: PartialDate; end?: PartialDate };
}

function build(catalog: Catalog, p: Parts): FirstScreen {
  const attributions = p.facts.filter((f) => f.type === 'attribution');
  const denials = p.facts.filter((f) => f.type === 'denial');
  const responses = p.facts.filter((f) => RESPONSE_RANK[f.type] !== undefined);
  let nAttr = MAX_ATTRIBUTION;
  let nResp = MAX_RESPONSES;
  let nDen = MAX_DENIALS;
  let nGist = MAX_GIST;
  let nInc = MAX_INCIDENTS;
  const asOf = catalog.asOf;
  const L = labels(p.locale);
  for (;;) {
    const shownAttr = pick(attributions, nAttr, (f) => (f.stance === 'suspected' ? 100 : 0) - f.by.length);
    const shownDen = pick(denials, nDen, () => 0);
    const shownResp = pick(
      responses,
      nResp,
      (f) => (RESPONSE_RANK[f.type] ?? 9) * 100 - f.by.length - f.against.length,
    );
    // Citations are numbered in reading order: the first screen's statements, then the timeline's (in finish).
    const cit = new Citations(catalog);
    const attribution = shownAttr.map((f) => toLine(f, p.namer, cit));
    const den = shownDen.map((f) => toLine(f, p.namer, cit));
    const resp = shownResp.map((f) => toLine(f, p.namer, cit));
    const shownDates = [...shownAttr, ...shownDen, ...shownResp].flatMap((f) => [f.start, f.end]);
    const period = coverPeriod(p.basePeriod, shownDates);
    const incidents = p.incidents?.slice(0, nInc);
    const screen: FirstScreen = {
      locale: p.locale,
      title: tidy(p.title, p.locale),
      kindLabel: p.kindLabel,
      ...(period ? { period } : {}),
      periodLabel: period ? longRange(period, p.locale) : '',
      gist: p.gist.slice(0, nGist),
      attribution,
      denials: den,
      responses: resp,
      ...(incidents ? { incidents } : {}),
      more: {
        attribution: attributions.length - shownAttr.length,
        responses: responses.length - shownResp.length,
        incidents: (p.incidents?.length ?? 0) - (incidents?.length ?? 0),
      },
      timeline: [],
      sources: [],
      quotes: [],
      related: p.related,
      ...(asOf ? { asOf, asOfLabel: tidy(L.asOf(formatDate(asOf.slice(0, 7), p.locale)), p.locale) } : {}),
    };
    // The timeline, sources and quotes are what the buttons open: they do not count against the
    // budget, so they are told once, when the first screen fits (numbered after its own lines).
    const finish = (): FirstScreen => ({
      ...screen,
      timeline: [...p.facts].sort(byDate).map((f) => toLine(f, p.namer, cit)),
      sources: cit.list(p.locale, (id) =>
        p.locale === 'fr' ? p.namer.actor(id).forms.of : p.namer.actor(id).forms.bare,
      ),
      quotes: p.facts.flatMap((f) => f.quotes.map((q) => ({ text: q.text, lang: q.lang, cites: cit.cite(q.sources) }))),
    });
    if (screenChars(screen) <= SCREEN_TEXT_BUDGET) return finish();
    // Shed what the Timeline button still offers, least telling first.
    if (nGist > 2) nGist--;
    else if (nResp > 2 && resp.length > 2) nResp = resp.length - 1;
    else if (nAttr > 2 && attribution.length > 2) nAttr = attribution.length - 1;
    else if (nDen > 1 && den.length > 1) nDen = 1;
    else if (nGist > 1) nGist--;
    else if (nInc > 3) nInc--;
    else if (nResp > 1 && resp.length > 1) nResp = resp.length - 1;
    else if (nAttr > 1 && attribution.length > 1) nAttr = attribution.length - 1;
    else if (nInc > 1) nInc--;
    else if (nResp > 0 && resp.length > 0) nResp = 0;
    else if (nGist > 0) nGist = 0;
    else if ((p.namer.maxNames ?? 6) > 3) p.namer.maxNames = 3;
    else return finish();
  }
}

/** The visible text of a first screen, before any surface adds labels and buttons. */
export function screenChars(s: FirstScreen): number {
  let n = s.title.length + s.kindLabel.length + s.periodLabel.length + (s.asOfLabel?.length ?? 0);
  for (const g of s.gist) n += g.length + 1;
  for (const l of [...s.attribution, ...s.denials, ...s.responses]) n += l.line.length + 1;
  for (const i of s.incidents ?? []) n += i.name.length + i.year.length + i.role.length + 6;
  return n;
}

function coverPeriod(
  base: { start: PartialDate; end?: PartialDate } | undefined,
  dates: PartialDate[],
): { start: PartialDate; end?: PartialDate } | undefined {
  const all = [...(base ? [base.start, base.end ?? base.start] : []), ...dates];
  if (all.length === 0) return undefined;
  // The earliest start and the latest end, each at the precision it was recorded: "Oct 2012" ends after "14 Oct 2012".
  let start = all[0]!;
  let end = all[0]!;
  for (const d of all) {
    if (startOf(d) < startOf(start) || (startOf(d) === startOf(start) && d.length > start.length)) start = d;
    if (endOf(d) > endOf(end) || (endOf(d) === endOf(end) && d.length > end.length)) end = d;
  }
  return end === start ? { start } : { start, end };
}

/** Gist sentences that do not repeat what the attribution lines state. */
const TOLD_BY_LINES = {
  en: /\b(attribut\w*|blam\w*|denied|denies|accus\w*|named|pointed)\b/i,
  fr: /(attribu|\bnié|\bnie\b|dément|démenti|accus|imput|désign)/i,
};

export function incidentScreen(catalog: Catalog, incident: Incident, devs: Development[], locale: Locale): FirstScreen {
  const L = labels(locale);
  const namer = catalogNamer(catalog, locale, incident.id);
  const facts = mergeDevelopments(devs, (id) => stateOf(catalog, id), { scope: incident.id });
  const hasLines = facts.some((f) => f.type === 'attribution' || f.type === 'denial');
  const sentences = splitSentences(incident.summary[locale], locale).filter(
    (s) => !hasLines || !TOLD_BY_LINES[locale].test(s),
  );
  const related = relatedOf(catalog, incident, devs, locale);
  return build(catalog, {
    locale,
    title: incident.name[locale],
    kindLabel: `${L.incident} · ${L.incidentType[incident.type]}`,
    gist: sentences.map((s) => tidy(s, locale)),
    facts,
    namer,
    related,
    basePeriod: incident.period,
  });
}

function relatedOf(catalog: Catalog, incident: Incident, devs: Development[], locale: Locale): FirstScreen['related'] {
  const ids = new Set<string>(incident.related);
  for (const d of devs) for (const id of d.incidents) if (id !== incident.id) ids.add(id);
  const L = labels(locale);
  return [...ids]
    .map((id) => catalog.incident(id))
    .filter((i): i is Incident => i !== undefined)
    .map((i) => ({
      id: i.id,
      name: tidy(i.name[locale], locale),
      label: `${L.incident} · ${i.period.start.slice(0, 4)}`,
    }));
}

function stateOf(catalog: Catalog, id: string): string | undefined {
  const a = catalog.actors.get(id);
  return a?.kind === 'state' ? id : a?.country;
}

export interface ActorScreenInput {
  actor: Actor;
  selves: ReadonlySet<string>;
  incidents: { incident: Incident; role: 'suspected' | 'target' | 'responder' }[];
  /** Attributions against it, its denials, responses by or against it. */
  devs: Development[];
}

export function actorScreen(catalog: Catalog, input: ActorScreenInput, locale: Locale): FirstScreen {
  const L = labels(locale);
  const { actor, selves } = input;
  const namer = catalogNamer(catalog, locale);
  const facts = mergeDevelopments(input.devs, (id) => stateOf(catalog, id))
    // A state's own brief never lists it as its own accuser.
    .map((f) => (f.type === 'attribution' ? { ...f, by: f.by.filter((id) => !selves.has(id)) } : f))
    .filter((f) => f.type !== 'attribution' || f.by.length > 0);
  const gist: string[] = [];
  if (actor.description) gist.push(...splitSentences(actor.description[locale], locale).slice(0, 1));
  const suspected = input.incidents.filter((i) => i.role === 'suspected');
  if (suspected.length > 0) {
    const years = suspected.map((i) => i.incident.period.start.slice(0, 4)).sort();
    const span = years[0] === years[years.length - 1] ? years[0]! : `${years[0]}–${years[years.length - 1]}`;
    gist.push(L.suspectedIn(suspected.length, span));
  }
  const roleRank = { suspected: 0, target: 1, responder: 2 } as const;
  const incidents = [...input.incidents]
    .sort(
      (a, b) => roleRank[a.role] - roleRank[b.role] || compareDates(b.incident.period.start, a.incident.period.start),
    )
    .map((i) => ({
      id: i.incident.id,
      name: tidy(properName(catalog, i.incident) ?? i.incident.name[locale], locale),
      year: i.incident.period.start.slice(0, 4),
      role: L.role[i.role],
    }));
  return build(catalog, {
    locale,
    title: actor.name[locale],
    kindLabel: L.kind[actor.kind],
    gist: gist.map((s) => tidy(s, locale)),
    facts,
    namer,
    incidents,
    basePeriod: spanOf(input.incidents.map((i) => i.incident)),
    related: input.incidents.slice(0, 12).map((i) => ({
      id: i.incident.id,
      name: tidy(i.incident.name[locale], locale),
      label: `${L.incident} · ${i.incident.period.start.slice(0, 4)}`,
    })),
  });
}

function spanOf(incidents: Incident[]): { start: PartialDate; end?: PartialDate } | undefined {
  const dates = incidents.flatMap((i) => [i.period.start, i.period.end ?? i.period.start]).sort(compareDates);
  return dates.length > 0 ? { start: dates[0]!, end: dates[dates.length - 1]! } : undefined;
}
