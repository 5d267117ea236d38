import type { Locale } from '../../src/domain/text';

/** What the Teams bot says in its own voice, in both languages. Brief vocabulary lives in src/brief/labels. */
export const MESSAGES = {
  en: {
    helpTitle: 'cyberbrief: who hit whom, who said so, and how states answered',
    helpLines: [
      'cyberbrief wannacry: the brief on an incident, a group or a state (or just type the name)',
      'latest: the newest developments recorded',
      'lang en | lang fr: the language of this conversation',
      'subscribe [time] [days] [time zone] [filters]: a digest here, e.g. subscribe 07:30 Europe/Paris fr actor:CN type:sanction',
      'unsubscribe: stop the digest here',
      'subscriptions: the digest set up here',
      'In any conversation, the cyberbrief search box (the app in the message compose area) finds a brief and inserts it.',
    ],
    latestTitle: 'Latest developments',
    latestEmpty: 'Nothing recorded yet.',
    langSet: (l: Locale) => `This conversation now gets cyberbrief in ${l === 'fr' ? 'French' : 'English'}.`,
    langUsage: 'Usage: lang en or lang fr',
    langSetDigest: 'Its digest is in English from the next one.',
    subscribed: (when: string, tz: string, lang: Locale) =>
      `Subscribed: a digest here ${when} (${tz}), in ${lang === 'fr' ? 'French' : 'English'}.`,
    subscribeUpdated: (when: string, tz: string, lang: Locale) =>
      `Subscription updated: a digest here ${when} (${tz}), in ${lang === 'fr' ? 'French' : 'English'}.`,
    subscribeError: (error: string, example: string) => `Could not subscribe: ${error}. Example: subscribe ${example}`,
    unsubscribed: 'Unsubscribed: no more digests here.',
    notSubscribed: 'This conversation has no digest. Type subscribe to set one up.',
    subscriptionLine: (when: string, tz: string, lang: Locale, status: string) =>
      `Digest ${when} (${tz}), in ${lang === 'fr' ? 'French' : 'English'}: ${status}.`,
    active: 'active',
    paused: (why: string) => `paused (${why})`,
    filters: 'Filters',
    lastDigest: 'Last digest',
    notAllowed:
      'Only the team’s owners, or people listed in CYBERBRIEF_TEAMS_ADMINS, can change this channel’s digest. Ask one of them.',
    failed: 'Sorry, something went wrong on cyberbrief’s side. The error was logged; please try again.',
    pickPrompt: 'Type the name of an incident, a threat group or a state.',
    detailsBelow: 'Details in the replies to this message.',
    digestCounts: (devs: number, incidents: number) =>
      `${devs} development${devs === 1 ? '' : 's'} about ${incidents} incident${incidents === 1 ? '' : 's'}`,
    schedule: {
      weekdays: 'on weekdays',
      daily: 'every day',
      weekends: 'at weekends',
      on: 'on',
      at: 'at',
      cron: 'on schedule',
    },
  },
  fr: {
    helpTitle: 'cyberbrief : qui a attaqué qui, qui l’a dit, et comment les États ont répondu',
    helpLines: [
      'cyberbrief wannacry : la fiche d’un incident, d’un groupe ou d’un État (ou tapez simplement le nom)',
      'latest : les derniers évènements enregistrés',
      'lang fr | lang en : la langue de cette conversation',
      'subscribe [heure] [jours] [fuseau] [filtres] : une revue ici, par ex. subscribe 07:30 Europe/Paris fr actor:CN type:sanction',
      'unsubscribe : arrêter la revue ici',
      'subscriptions : la revue prévue ici',
      'Dans toute conversation, la recherche cyberbrief (l’application de la zone de rédaction) trouve une fiche et l’insère.',
    ],
    latestTitle: 'Derniers évènements',
    latestEmpty: 'Rien d’enregistré pour l’instant.',
    langSet: (l: Locale) => `Cette conversation reçoit désormais cyberbrief en ${l === 'fr' ? 'français' : 'anglais'}.`,
    langUsage: 'Usage : lang fr ou lang en',
    langSetDigest: 'Sa revue sera en français dès la prochaine.',
    subscribed: (when: string, tz: string, lang: Locale) =>
      `Abonnement enregistré : une revue ici ${when} (${tz}), en ${lang === 'fr' ? 'français' : 'anglais'}.`,
    subscribeUpdated: (when: string, tz: string, lang: Locale) =>
      `Abonnement modifié : une revue ici ${when} (${tz}), en ${lang === 'fr' ? 'français' : 'anglais'}.`,
    subscribeError: (error: string, example: string) =>
      `Abonnement impossible : ${error}. Exemple : subscribe ${example}`,
    unsubscribed: 'Désabonné : plus de revue ici.',
    notSubscribed: 'Cette conversation n’a pas de revue. Tapez subscribe pour en créer une.',
    subscriptionLine: (when: string, tz: string, lang: Locale, status: string) =>
      `Revue ${when} (${tz}), en ${lang === 'fr' ? 'français' : 'anglais'} : ${status}.`,
    active: 'active',
    paused: (why: string) => `suspendue (${why})`,
    filters: 'Filtres',
    lastDigest: 'Dernière revue',
    notAllowed:
      'Seuls les propriétaires de l’équipe, ou les personnes listées dans CYBERBRIEF_TEAMS_ADMINS, peuvent modifier la revue de ce canal. Demandez-leur.',
    failed: 'Désolé, une erreur s’est produite du côté de cyberbrief. Elle a été journalisée ; réessayez.',
    pickPrompt: 'Tapez le nom d’un incident, d’un groupe de menace ou d’un État.',
    detailsBelow: 'Le détail est dans les réponses à ce message.',
    digestCounts: (devs: number, incidents: number) =>
      `${devs} évènement${devs === 1 ? '' : 's'} sur ${incidents} incident${incidents === 1 ? '' : 's'}`,
    schedule: {
      weekdays: 'en semaine',
      daily: 'tous les jours',
      weekends: 'le week-end',
      on: 'le',
      at: 'à',
      cron: 'selon le calendrier',
    },
  },
} as const;

export function messages(locale: Locale) {
  return MESSAGES[locale];
}

/** "on weekdays at 08:00", "le lun,jeu à 09:30", or the cron expression when it is not a simple daily time. */
export function describeSchedule(cron: string, locale: Locale): string {
  const S = MESSAGES[locale].schedule;
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\S+)$/.exec(cron.trim());
  if (!m) return locale === 'en' ? `${S.cron} "${cron}"` : `${S.cron} « ${cron} »`;
  const time = `${(m[2] ?? '').padStart(2, '0')}:${(m[1] ?? '').padStart(2, '0')}`;
  const days = m[3] ?? '*';
  const when =
    days === '1-5'
      ? S.weekdays
      : days === '*'
        ? S.daily
        : days === '0,6'
          ? S.weekends
          : `${S.on} ${dayNames(days, locale)}`;
  return `${when} ${S.at} ${time}`;
}

const DAYS = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  fr: ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'],
} as const;

function dayNames(field: string, locale: Locale): string {
  return field
    .split(',')
    .map((d) => (/^\d$/.test(d) ? (DAYS[locale][Number(d) % 7] ?? d) : d))
    .join(', ');
}
