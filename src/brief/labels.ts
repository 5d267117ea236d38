import type { ActorKind } from '../domain/actor';
import { precisionOf, type PartialDate } from '../domain/dates';
import type { DevelopmentType, Stance } from '../domain/development';
import type { IncidentType } from '../domain/incident';
import type { SourceKind } from '../domain/source';
import type { Locale } from '../domain/text';

/** Words every surface needs, in both languages, so renderers never hard-code a label. */
export const LABELS = {
  en: {
    type: {
      attack: 'Attack',
      disclosure: 'Disclosure',
      attribution: 'Attribution',
      denial: 'Denial',
      condemnation: 'Condemnation',
      sanction: 'Sanction',
      indictment: 'Indictment',
      summons: 'Ambassador summoned',
      expulsion: 'Expulsion',
      policy: 'Policy',
      inquiry: 'Inquiry',
      statement: 'Statement',
      investigation: 'Investigation',
    } satisfies Record<DevelopmentType, string>,
    stance: { attributed: 'attributed', suspected: 'suspected', denied: 'denied' } satisfies Record<Stance, string>,
    kind: { state: 'State', organisation: 'Organisation', group: 'Threat group', person: 'Person' } satisfies Record<
      ActorKind,
      string
    >,
    what: 'What happened',
    when: 'When',
    accused: 'Accused',
    attributedBy: 'Attributed by',
    deniedBy: 'Denied by',
    attribution: 'Attribution',
    responses: 'Responses',
    timeline: 'Timeline',
    sources: 'Sources',
    related: 'Related',
    incidents: 'Incidents',
    candidates: 'Did you mean',
    suggestions: 'Try',
    noMatch: 'No match for',
    severalMatches: 'Several matches for',
    sourcesCount: (n: number) => `${n} source${n === 1 ? '' : 's'}`,
    since: 'since',
    more: (n: number) => `and ${n} more`,
    inLanguage: (lang: string) => `in ${lang === 'fr' ? 'French' : lang === 'en' ? 'English' : lang}`,
    digestTitle: 'Cyber-diplomacy digest',
    nothingNew: 'Nothing new since the last digest.',
    ongoing: 'ongoing',
    incident: 'Incident',
    incidentType: {
      ransomware: 'ransomware',
      wiper: 'wiper',
      espionage: 'espionage',
      intrusion: 'intrusion',
      ddos: 'DDoS',
      'supply-chain': 'supply chain',
      sabotage: 'sabotage',
      'hack-and-leak': 'hack and leak',
      'election-interference': 'election interference',
      'data-breach': 'data breach',
      disinformation: 'disinformation',
      policy: 'policy',
      sanctions: 'sanctions',
    } satisfies Record<IncidentType, string>,
    sourceKind: {
      official: 'official',
      press: 'press',
      research: 'research',
      'state-media': 'state media',
    } satisfies Record<SourceKind, string>,
    stateMediaOf: (state?: string) =>
      state ? `state media, voice of ${state}'s government` : 'state media, voice of its government',
    asOf: (monthYear: string) => `Knowledge base as of ${monthYear}`,
    suspectedIn: (n: number, span: string) => `Suspected in ${n} known incident${n > 1 ? 's' : ''} (${span}).`,
    role: { suspected: 'suspected', target: 'targeted', responder: 'responded' },
    denials: 'Denials',
    development: (n: number) => `${n} development${n === 1 ? '' : 's'}`,
    onIncidents: (n: number) => `on ${n} incident${n === 1 ? '' : 's'}`,
    also: 'also',
    openBrief: 'Open brief',
    fullBrief: 'Open full brief',
    quotes: 'Quoted from the sources',
    help: 'Help',
  },
  fr: {
    type: {
      attack: 'Attaque',
      disclosure: 'Révélation',
      attribution: 'Attribution',
      denial: 'Démenti',
      condemnation: 'Condamnation',
      sanction: 'Sanction',
      indictment: 'Inculpation',
      summons: 'Convocation d’ambassadeur',
      expulsion: 'Expulsion',
      policy: 'Politique',
      inquiry: 'Demande d’explications',
      statement: 'Déclaration',
      investigation: 'Enquête',
    } satisfies Record<DevelopmentType, string>,
    stance: { attributed: 'attribué', suspected: 'soupçonné', denied: 'démenti' } satisfies Record<Stance, string>,
    kind: {
      state: 'État',
      organisation: 'Organisation',
      group: 'Groupe de menace',
      person: 'Personne',
    } satisfies Record<ActorKind, string>,
    what: 'Les faits',
    when: 'Quand',
    accused: 'Mis en cause',
    attributedBy: 'Attribué par',
    deniedBy: 'Démenti par',
    attribution: 'Attribution',
    responses: 'Réponses',
    timeline: 'Chronologie',
    sources: 'Sources',
    related: 'Voir aussi',
    incidents: 'Incidents',
    candidates: 'Vouliez-vous dire',
    suggestions: 'Essayez',
    noMatch: 'Aucun résultat pour',
    severalMatches: 'Plusieurs résultats pour',
    sourcesCount: (n: number) => `${n} source${n === 1 ? '' : 's'}`,
    since: 'depuis',
    more: (n: number) => `et ${n} de plus`,
    inLanguage: (lang: string) => `en ${lang === 'fr' ? 'français' : lang === 'en' ? 'anglais' : lang}`,
    digestTitle: 'Revue cyberdiplomatique',
    nothingNew: 'Rien de nouveau depuis la dernière revue.',
    ongoing: 'en cours',
    incident: 'Incident',
    incidentType: {
      ransomware: 'rançongiciel',
      wiper: 'effaceur',
      espionage: 'espionnage',
      intrusion: 'intrusion',
      ddos: 'DDoS',
      'supply-chain': 'chaîne d’approvisionnement',
      sabotage: 'sabotage',
      'hack-and-leak': 'piratage et fuite',
      'election-interference': 'ingérence électorale',
      'data-breach': 'vol de données',
      disinformation: 'désinformation',
      policy: 'politique',
      sanctions: 'sanctions',
    } satisfies Record<IncidentType, string>,
    sourceKind: {
      official: 'officielle',
      press: 'presse',
      research: 'recherche',
      'state-media': 'média d’État',
    } satisfies Record<SourceKind, string>,
    stateMediaOf: (state?: string) =>
      state ? `média d’État, voix du gouvernement ${state}` : 'média d’État, voix de son gouvernement',
    asOf: (monthYear: string) => `Base de connaissances arrêtée en ${monthYear}`,
    suspectedIn: (n: number, span: string) =>
      `Mis en cause dans ${n} incident${n > 1 ? 's' : ''} connu${n > 1 ? 's' : ''} (${span}).`,
    role: { suspected: 'mis en cause', target: 'visé', responder: 'a répondu' },
    denials: 'Démentis',
    development: (n: number) => `${n} fait${n === 1 ? '' : 's'} nouveau${n === 1 ? '' : 'x'}`,
    onIncidents: (n: number) => `sur ${n} incident${n === 1 ? '' : 's'}`,
    also: 'aussi',
    openBrief: 'Ouvrir la fiche',
    fullBrief: 'Ouvrir la fiche complète',
    quotes: 'Extraits des sources',
    help: 'Aide',
  },
} as const;

export function labels(locale: Locale) {
  return LABELS[locale];
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per language and precision is kept. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${tag}:${precision}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      tag,
      precision === 'month'
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    );
    FORMATTERS.set(key, f);
  }
  return f;
}

/** "19 June 2017", "juin 2017", "2017": never more precise than the date is. */
export function formatDate(date: PartialDate, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  switch (precisionOf(date)) {
    case 'year':
      return String(y);
    case 'month':
      return formatter(tag, 'month').format(Date.UTC(y, (m ?? 1) - 1, 1));
    default:
      return formatter(tag, 'day').format(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  }
}

export function formatPeriod(period: { start: PartialDate; end?: PartialDate }, locale: Locale): string {
  if (!period.end || period.end === period.start) return formatDate(period.start, locale);
  return `${formatDate(period.start, locale)} – ${formatDate(period.end, locale)}`;
}

/** "A, B and C" / "A, B et C". */
export function joinNames(names: string[], locale: Locale): string {
  if (names.length <= 1) return names[0] ?? '';
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}

/** A source's site ("reuters.com"), which names an untitled source better than its id does. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
