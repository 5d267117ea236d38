import type { Locale } from '../../src/domain/text';

/** What the Teams bot says about followed feeds, in both languages. */
export const SOURCES_WORDS = {
  en: {
    help: 'sources: the feeds cyberbrief follows; admins: sources add <url> [en|fr] [kind] and sources remove <id>',
    title: (n: number) => `Followed feeds (${n})`,
    none: 'No feed is followed yet. Admins add one with: sources add <url>',
    unavailable:
      'Feeds cannot be managed from chat on this deployment: whoever runs cyberbrief can use cyberbrief sources in a terminal.',
    notAllowed:
      'Only the team’s owners (in one of the team’s channels), or people listed in CYBERBRIEF_TEAMS_ADMINS, can change which feeds cyberbrief follows. Ask one of them.',
    added: (id: string) => `Now following ${id}. The server reads it at its next scheduled poll.`,
    addError: (error: string) => `Could not follow that feed: ${error}.`,
    addUsage: 'Say which feed to follow.',
    badWord: (w: string) =>
      `“${w}” is neither a language (en, fr) nor a kind of publisher (government, eu, cert, news, international, other).`,
    example: (e: string) => `Example: ${e}`,
    removed: (id: string) => `Stopped following ${id}.`,
    noSuch: (what: string) => `No followed feed is called “${what}”. Type sources to list them.`,
    removeUsage: 'Say which feed to stop following: its id (type sources to see them), or its URL.',
    usage: [
      'sources: the followed feeds and how their last poll went',
      'sources add <url> [en|fr] [kind]: follow a feed (admins); kind is government, eu, cert, news, international or other',
      'sources remove <id or url>: stop following it (admins)',
      'The server polls feeds on its own schedule.',
    ],
    never: 'never polled',
    ok: (at: string, fresh: number) => `ok ${at}${fresh > 0 ? ` (${fresh} new)` : ''}`,
    same: (at: string) => `ok ${at} (not modified)`,
    bad: (status: 'refused' | 'failed', times: number, reason: string) => `${status} ${times}× in a row: ${reason}`,
    more: (n: number) => `${n} more not shown: cyberbrief sources list in a terminal lists them all.`,
  },
  fr: {
    help: 'sources : les flux que suit cyberbrief ; administrateurs : sources add <url> [en|fr] [type] et sources remove <identifiant>',
    title: (n: number) => `Flux suivis (${n})`,
    none: 'Aucun flux n’est encore suivi. Les administrateurs en ajoutent avec : sources add <url>',
    unavailable:
      'Les flux ne se gèrent pas depuis la messagerie sur ce déploiement : qui gère cyberbrief peut utiliser cyberbrief sources dans un terminal.',
    notAllowed:
      'Seuls les propriétaires de l’équipe (dans un de ses canaux), ou les personnes listées dans CYBERBRIEF_TEAMS_ADMINS, peuvent changer les flux que suit cyberbrief. Demandez-leur.',
    added: (id: string) => `Flux suivi : ${id}. Le serveur le lira à sa prochaine relève programmée.`,
    addError: (error: string) => `Impossible de suivre ce flux : ${error}.`,
    addUsage: 'Indiquez le flux à suivre.',
    badWord: (w: string) =>
      `« ${w} » n’est ni une langue (en, fr) ni un type d’éditeur (government, eu, cert, news, international, other).`,
    example: (e: string) => `Exemple : ${e}`,
    removed: (id: string) => `Flux ${id} abandonné.`,
    noSuch: (what: string) => `Aucun flux suivi ne s’appelle « ${what} ». Tapez sources pour les lister.`,
    removeUsage: 'Indiquez le flux à abandonner : son identifiant (tapez sources pour les voir), ou son URL.',
    usage: [
      'sources : les flux suivis et le résultat de leur dernière relève',
      'sources add <url> [en|fr] [type] : suivre un flux (administrateurs) ; type : government, eu, cert, news, international ou other',
      'sources remove <identifiant ou url> : l’abandonner (administrateurs)',
      'Le serveur relève les flux selon son propre calendrier.',
    ],
    never: 'jamais relevé',
    ok: (at: string, fresh: number) => `ok ${at}${fresh > 0 ? ` (${fresh} nouveau${fresh === 1 ? '' : 'x'})` : ''}`,
    same: (at: string) => `ok ${at} (inchangé)`,
    bad: (status: 'refused' | 'failed', times: number, reason: string) =>
      `${status === 'refused' ? 'refusé' : 'échec'} ${times}× de suite : ${reason}`,
    more: (n: number) =>
      `${n} autre${n === 1 ? '' : 's'} non affiché${n === 1 ? '' : 's'} : cyberbrief sources list dans un terminal les liste tous.`,
  },
} as const;

export function sourcesWords(locale: Locale) {
  return SOURCES_WORDS[locale];
}
