import type { SourceKind } from '../../src/domain/source';
import type { Locale } from '../../src/domain/text';

/** Words of the web page that chat surfaces do not need. */
export const PAGE_LABELS = {
  en: {
    gist: 'In brief',
    attribution: 'Who blamed whom',
    responses: 'Responses',
    timeline: 'Timeline',
    related: 'Related incidents',
    incidents: 'Incidents',
    sources: 'Sources',
    quotes: 'What the articles say (quoted in their language)',
    asOf: 'Knowledge base as of',
    other: 'Français',
    otherLang: 'fr',
    kind: { official: 'official', press: 'press', research: 'research', 'state-media': 'state media' } satisfies Record<
      SourceKind,
      string
    >,
    role: { suspected: 'accused', target: 'targeted', responder: 'responded' },
    forbiddenTitle: 'This link is not valid',
    forbidden: {
      missing: 'This page opens from a link sent by cyberbrief in Slack or Teams.',
      invalid: 'This link was altered. Open the brief again from Slack or Teams.',
      expired: 'This link has expired. Ask cyberbrief again in Slack or Teams for a new one.',
    },
    notFound: 'No incident or actor has this name.',
    search: 'Search',
    searchLabel: 'Incident, group or country',
    index: 'Incidents',
    timelineCaption: 'Each mark is one dated development; the full list follows.',
    blameCaption: 'Solid lines: formal attributions; dashed: suspicions; ◇ a denial.',
    actorCaption: 'Each mark is an incident in which this actor took part.',
    denied: 'denied',
    attributedTo: 'attributed to',
    suspected: 'suspected',
    unnamed: 'unnamed sources',
    answering: 'answering',
  },
  fr: {
    gist: 'En bref',
    attribution: 'Qui a accusé qui',
    responses: 'Réponses',
    timeline: 'Chronologie',
    related: 'Incidents liés',
    incidents: 'Incidents',
    sources: 'Sources',
    quotes: 'Ce que disent les articles (cités dans leur langue)',
    asOf: 'Base de connaissances à jour au',
    other: 'English',
    otherLang: 'en',
    kind: {
      official: 'officiel',
      press: 'presse',
      research: 'recherche',
      'state-media': 'média d’État',
    } satisfies Record<SourceKind, string>,
    role: { suspected: 'mis en cause', target: 'visé', responder: 'a réagi' },
    forbiddenTitle: 'Ce lien n’est pas valide',
    forbidden: {
      missing: 'Cette page s’ouvre depuis un lien envoyé par cyberbrief dans Slack ou Teams.',
      invalid: 'Ce lien a été modifié. Rouvrez la fiche depuis Slack ou Teams.',
      expired: 'Ce lien a expiré. Redemandez la fiche à cyberbrief dans Slack ou Teams.',
    },
    notFound: 'Aucun incident ni acteur ne porte ce nom.',
    search: 'Rechercher',
    searchLabel: 'Incident, groupe ou pays',
    index: 'Incidents',
    timelineCaption: 'Chaque marque est un fait daté\u00a0; la liste complète suit.',
    blameCaption: 'Traits pleins\u00a0: attributions formelles\u00a0; pointillés\u00a0: soupçons\u00a0; ◇ un démenti.',
    actorCaption: 'Chaque marque est un incident auquel cet acteur a pris part.',
    denied: 'a démenti',
    attributedTo: 'attribué à',
    suspected: 'soupçonné',
    unnamed: 'sources non nommées',
    answering: 'face à',
  },
} as const;

export function pageLabels(locale: Locale) {
  return PAGE_LABELS[locale];
}
