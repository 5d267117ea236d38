import type { Locale } from '../../src/domain/text';

/**
 * Words of the Slack surface only (buttons, replies to subcommands, App Home). Domain words
 * (development types, "Timeline", dates) come from src/brief/labels.ts so every surface agrees.
 */
const en = {
  post: 'Post to channel',
  helpButton: 'Help',
  summary: 'Summary',
  sharedBy: (who: string) => `Shared by ${who}`,
  pick: 'Pick one:',
  notFoundHint: 'Try another name, an alias, a year, or `/cyberbrief help`.',
  fullBrief: (cmd: string) => `The rest is in the full brief: \`${cmd}\` in a terminal.`,
  detailsInThread: 'Details in the thread.',
  digestCounts: (devs: number, incidents: number) =>
    `${devs} development${devs === 1 ? '' : 's'} on ${incidents} incident${incidents === 1 ? '' : 's'}`,
  digestPeriod: (since: string) => `since ${since}`,
  digestMore: (n: number) =>
    `${n} more development${n === 1 ? '' : 's'} not shown: \`/cyberbrief <incident>\` gives the full picture.`,
  help: [
    '*cyberbrief*: who hit whom in cyberspace, who was blamed, who denied, and how states answered.',
    '`/cyberbrief wannacry`: a brief, visible to you only, with a button to post it',
    '`/cyberbrief wannacry public`: the brief, posted in the channel',
    '`/cyberbrief latest`: the newest developments',
    '`/cyberbrief lang fr`: this channel’s language (`en` or `fr`)',
    '`/cyberbrief subscribe 08:00 Europe/Paris`: a digest here on weekdays (admins)',
    '`/cyberbrief subscribe 07:30 Europe/Paris fr actor:CN type:sanction`: with language and filters',
    '`/cyberbrief unsubscribe`: stop this channel’s digest (admins)',
    '`/cyberbrief subscriptions`: the digests of this workspace',
    '`/cyberbrief sources`: the news and official feeds cyberbrief follows',
    '`/cyberbrief sources add https://example.org/feed.xml fr cert`: follow a feed, `/cyberbrief sources remove <id>`: stop (admins)',
  ].join('\n'),
  latestTitle: 'Latest developments',
  nothingYet: 'Nothing recorded yet.',
  langSet: 'Briefs in this channel are now in English.',
  langSetDigest: 'Its digest is in English from the next one.',
  langUsage: 'Say which language: `/cyberbrief lang en` or `/cyberbrief lang fr`.',
  notAllowed:
    'Only workspace admins and owners, or people listed in `CYBERBRIEF_SLACK_ADMINS`, can change this channel’s digest. Ask one of them, or ask whoever runs cyberbrief to add you.',
  subscribed: (who: string, schedule: string) =>
    `${who} subscribed this channel to the cyber-diplomacy digest: ${schedule}.`,
  resubscribed: (who: string, schedule: string) => `${who} changed this channel’s digest: ${schedule}.`,
  unsubscribed: (who: string) => `${who} stopped this channel’s digest.`,
  noSubscription: 'This channel has no digest. `/cyberbrief subscribe` starts one.',
  inviteBot:
    'If I am not a member of this channel yet, invite me with `/invite @cyberbrief`: private channels need an invitation, and digests are paused until I can post.',
  example: 'Example',
  subscriptionsTitle: 'Digests in this workspace',
  noSubscriptions: 'No channel of this workspace gets a digest yet.',
  paused: (reason: string) => `paused: ${reason}`,
  filters: 'filters',
  lastDigest: (day: string) => `last digest ${day}`,
  in: (lang: Locale): string => (lang === 'fr' ? 'in French' : 'in English'),
  fault: 'Something went wrong on our side and it was logged. Please try again in a minute.',
  homeIntro:
    'Type `/cyberbrief <incident, group or country>` in any channel, e.g. `/cyberbrief wannacry` or `/cyberbrief lazarus`. `/cyberbrief help` lists the rest.',
  weekdays: 'weekdays',
  daily: 'every day',
  on: (day: string) => `on ${day}`,
  at: 'at',
  invitePaused: (channel: string) =>
    `The cyberbrief digest for ${channel} is paused: I am not a member of that channel. Invite me there with \`/invite @cyberbrief\`, then run \`/cyberbrief subscribe\` again.`,
  sourcesTitle: (n: number) => `Followed feeds (${n})`,
  sourcesNone: 'No feed is followed yet. Admins add one with `/cyberbrief sources add <url>`.',
  sourcesUnavailable:
    'Feeds cannot be managed from chat on this deployment: whoever runs cyberbrief can use `cyberbrief sources` in a terminal.',
  sourcesNotAllowed:
    'Only workspace admins and owners, or people listed in `CYBERBRIEF_SLACK_ADMINS`, can change which feeds cyberbrief follows. Ask one of them.',
  sourcesAdded: (id: string, url: string) =>
    `Now following \`${id}\` (${url}). The server reads it at its next scheduled poll.`,
  sourcesAddError: (error: string) => `Could not follow that feed: ${error}.`,
  sourcesAddUsage: 'Say which feed to follow.',
  sourcesBadWord: (word: string) =>
    `“${word}” is neither a language (en, fr) nor a kind of publisher (government, eu, cert, news, international, other).`,
  sourcesRemoved: (id: string) => `Stopped following \`${id}\`.`,
  sourcesNoSuch: (what: string) => `No followed feed is called ${what}. \`/cyberbrief sources\` lists them.`,
  sourcesRemoveUsage: 'Say which feed to stop following: its id from `/cyberbrief sources`, or its URL.',
  sourcesUsage: [
    '`/cyberbrief sources`: the followed feeds and how their last poll went',
    '`/cyberbrief sources add <url> [en|fr] [kind]`: follow a feed (admins); kind is government, eu, cert, news, international or other',
    '`/cyberbrief sources remove <id or url>`: stop following it (admins)',
    'The server polls feeds on its own schedule.',
  ].join('\n'),
  never: 'never polled',
  polledOk: (at: string, fresh: number) => `ok ${at}${fresh > 0 ? ` (${fresh} new)` : ''}`,
  polledSame: (at: string) => `ok ${at} (not modified)`,
  polledBad: (status: 'refused' | 'failed', times: number, reason: string) =>
    `${status === 'refused' ? 'refused' : 'failed'} ${times}× in a row: ${reason}`,
  sourcesMore: (n: number) => `${n} more not shown: \`cyberbrief sources list\` in a terminal lists them all.`,
};

type Strings = typeof en;

const fr: Strings = {
  post: 'Publier dans le canal',
  helpButton: 'Aide',
  summary: 'Résumé',
  sharedBy: (who) => `Partagé par ${who}`,
  pick: 'Choisissez :',
  notFoundHint: 'Essayez un autre nom, un alias, une année, ou `/cyberbrief help`.',
  fullBrief: (cmd) => `La suite est dans la fiche complète : \`${cmd}\` dans un terminal.`,
  detailsInThread: 'Le détail est dans le fil.',
  digestCounts: (devs, incidents) =>
    `${devs} fait${devs === 1 ? '' : 's'} nouveau${devs === 1 ? '' : 'x'} sur ${incidents} incident${incidents === 1 ? '' : 's'}`,
  digestPeriod: (since) => `depuis le ${since}`,
  digestMore: (n) =>
    `${n} autre${n === 1 ? '' : 's'} fait${n === 1 ? '' : 's'} non affiché${n === 1 ? '' : 's'} : \`/cyberbrief <incident>\` donne le tableau complet.`,
  help: [
    '*cyberbrief* : qui a attaqué qui dans le cyberespace, qui a été mis en cause, qui a démenti, et comment les États ont répondu.',
    '`/cyberbrief wannacry` : une fiche, visible de vous seul, avec un bouton pour la publier',
    '`/cyberbrief wannacry public` : la fiche, publiée dans le canal',
    '`/cyberbrief latest` : les derniers faits enregistrés',
    '`/cyberbrief lang en` : la langue de ce canal (`en` ou `fr`)',
    '`/cyberbrief subscribe 08:00 Europe/Paris` : une revue ici les jours ouvrés (administrateurs)',
    '`/cyberbrief subscribe 07:30 Europe/Paris fr actor:CN type:sanction` : avec langue et filtres',
    '`/cyberbrief unsubscribe` : arrêter la revue de ce canal (administrateurs)',
    '`/cyberbrief subscriptions` : les revues de cet espace de travail',
    '`/cyberbrief sources` : les flux d’actualité et officiels que suit cyberbrief',
    '`/cyberbrief sources add https://example.org/feed.xml fr cert` : suivre un flux, `/cyberbrief sources remove <id>` : l’abandonner (administrateurs)',
  ].join('\n'),
  latestTitle: 'Derniers faits enregistrés',
  nothingYet: 'Rien n’est encore enregistré.',
  langSet: 'Les fiches de ce canal sont désormais en français.',
  langSetDigest: 'Sa revue passe au français dès la prochaine.',
  langUsage: 'Indiquez la langue : `/cyberbrief lang en` ou `/cyberbrief lang fr`.',
  notAllowed:
    'Seuls les administrateurs et propriétaires de l’espace de travail, ou les personnes listées dans `CYBERBRIEF_SLACK_ADMINS`, peuvent modifier la revue de ce canal. Demandez-leur, ou demandez à qui gère cyberbrief de vous ajouter.',
  subscribed: (who, schedule) => `${who} a abonné ce canal à la revue cyberdiplomatique : ${schedule}.`,
  resubscribed: (who, schedule) => `${who} a modifié la revue de ce canal : ${schedule}.`,
  unsubscribed: (who) => `${who} a arrêté la revue de ce canal.`,
  noSubscription: 'Ce canal ne reçoit pas de revue. `/cyberbrief subscribe` en démarre une.',
  inviteBot:
    'Si je ne suis pas encore membre de ce canal, invitez-moi avec `/invite @cyberbrief` : les canaux privés exigent une invitation, et la revue reste suspendue tant que je ne peux pas publier.',
  example: 'Exemple',
  subscriptionsTitle: 'Revues de cet espace de travail',
  noSubscriptions: 'Aucun canal de cet espace de travail ne reçoit encore de revue.',
  paused: (reason) => `suspendue : ${reason}`,
  filters: 'filtres',
  lastDigest: (day) => `dernière revue le ${day}`,
  in: (lang) => (lang === 'fr' ? 'en français' : 'en anglais'),
  fault: 'Une erreur est survenue de notre côté et a été consignée. Réessayez dans une minute.',
  homeIntro:
    'Tapez `/cyberbrief <incident, groupe ou pays>` dans n’importe quel canal, par exemple `/cyberbrief wannacry` ou `/cyberbrief lazarus`. `/cyberbrief help` donne le reste.',
  weekdays: 'les jours ouvrés',
  daily: 'tous les jours',
  on: (day) => `le ${day}`,
  at: 'à',
  invitePaused: (channel) =>
    `La revue cyberbrief de ${channel} est suspendue : je ne suis pas membre de ce canal. Invitez-moi avec \`/invite @cyberbrief\`, puis relancez \`/cyberbrief subscribe\`.`,
  sourcesTitle: (n) => `Flux suivis (${n})`,
  sourcesNone: 'Aucun flux n’est encore suivi. Les administrateurs en ajoutent avec `/cyberbrief sources add <url>`.',
  sourcesUnavailable:
    'Les flux ne se gèrent pas depuis la messagerie sur ce déploiement : qui gère cyberbrief peut utiliser `cyberbrief sources` dans un terminal.',
  sourcesNotAllowed:
    'Seuls les administrateurs et propriétaires de l’espace de travail, ou les personnes listées dans `CYBERBRIEF_SLACK_ADMINS`, peuvent changer les flux que suit cyberbrief. Demandez-leur.',
  sourcesAdded: (id, url) => `Flux suivi : \`${id}\` (${url}). Le serveur le lira à sa prochaine relève programmée.`,
  sourcesAddError: (error) => `Impossible de suivre ce flux : ${error}.`,
  sourcesAddUsage: 'Indiquez le flux à suivre.',
  sourcesBadWord: (word) =>
    `« ${word} » n’est ni une langue (en, fr) ni un type d’éditeur (government, eu, cert, news, international, other).`,
  sourcesRemoved: (id) => `Flux \`${id}\` abandonné.`,
  sourcesNoSuch: (what) => `Aucun flux suivi ne s’appelle ${what}. \`/cyberbrief sources\` les liste.`,
  sourcesRemoveUsage: 'Indiquez le flux à abandonner : son identifiant donné par `/cyberbrief sources`, ou son URL.',
  sourcesUsage: [
    '`/cyberbrief sources` : les flux suivis et le résultat de leur dernière relève',
    '`/cyberbrief sources add <url> [en|fr] [type]` : suivre un flux (administrateurs) ; type : government, eu, cert, news, international ou other',
    '`/cyberbrief sources remove <identifiant ou url>` : l’abandonner (administrateurs)',
    'Le serveur relève les flux selon son propre calendrier.',
  ].join('\n'),
  never: 'jamais relevé',
  polledOk: (at, fresh) => `ok ${at}${fresh > 0 ? ` (${fresh} nouveau${fresh === 1 ? '' : 'x'})` : ''}`,
  polledSame: (at) => `ok ${at} (inchangé)`,
  polledBad: (status, times, reason) => `${status === 'refused' ? 'refusé' : 'échec'} ${times}× de suite : ${reason}`,
  sourcesMore: (n) =>
    `${n} autre${n === 1 ? '' : 's'} non affiché${n === 1 ? '' : 's'} : \`cyberbrief sources list\` dans un terminal les liste tous.`,
};

export function strings(locale: Locale): Strings {
  return locale === 'fr' ? fr : en;
}
