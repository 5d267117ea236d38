import { parseSourceWords } from '../../../src/feeds/source-words';
import type { Locale } from '../../../src/domain/text';
import type { FeedSource, FeedState } from '../../../src/feeds/feed-source';
import type { BotDeps } from '../bot/deps';
import { notice } from '../bot/replies';
import type { CommandContext, CommandRouter } from '../bot/router';

const EXAMPLE = 'sources add https://www.cert.ssi.gouv.fr/alerte/feed/ fr cert';
/** A card of this many lines stays far under Teams' size limit, whatever the titles. */
const MAX_LINES = 60;

const WORDS = {
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

/** The help card's line for this command. */
export function sourcesHelpLine(locale: Locale): string {
  return WORDS[locale].help;
}

type Feeds = NonNullable<BotDeps['feeds']>;

/**
 * `sources [list | add <url> [en|fr] [kind] | remove <id|url>]`: the feeds the server follows.
 * Anyone may list them; adding and removing changes what the whole deployment reads, so only
 * the configured admins, or a team's owners in its channel, may. Every reply is a plain card
 * (see bot/replies `notice`), so a feed's title stays text. Polling stays with the server.
 */
export function register(router: CommandRouter): void {
  router.command(['sources', 'feeds', 'flux'], async (c) => {
    const W = WORDS[c.locale];
    const feeds = c.deps.feeds;
    if (!feeds) return c.reply(notice([W.unavailable]));
    const [verb = '', ...rest] = teamsText(c.args)
      .split(/\s+/)
      .filter((w) => w !== '');
    switch (verb.toLowerCase()) {
      case '':
      case 'list':
      case 'liste':
        return list(c, feeds);
      case 'add':
      case 'ajouter':
        return add(c, feeds, rest);
      case 'remove':
      case 'retirer':
      case 'supprimer':
        return remove(c, feeds, rest);
      default:
        return c.reply(notice([...W.usage]));
    }
  });
}

async function list(c: CommandContext, feeds: Feeds): Promise<void> {
  const W = WORDS[c.locale];
  const followed = await feeds.followed();
  if (followed.length === 0) return c.reply(notice([W.none]));
  const shown = followed.slice(0, MAX_LINES);
  const lines = await Promise.all(shown.map(async (f) => feedLine(f, await feeds.store.state(f.id), c.locale)));
  if (followed.length > shown.length) lines.push(W.more(followed.length - shown.length));
  await c.reply(notice(lines, W.title(followed.length)));
}

/** One feed on one line; `notice` makes it plain text (no markdown, link or mention). */
export function feedLine(f: FeedSource, s: FeedState, locale: Locale): string {
  const W = WORDS[locale];
  const at = (iso: string | undefined) => (iso ?? '').slice(0, 16).replace('T', ' ');
  const last =
    s.lastStatus === undefined
      ? W.never
      : s.lastStatus === 'refused' || s.lastStatus === 'failed'
        ? W.bad(s.lastStatus, s.failures, s.lastReason ?? '?')
        : s.lastStatus === 'new'
          ? W.ok(at(s.lastPolledAt), s.lastNewItems ?? 0)
          : W.same(at(s.lastPolledAt));
  const title = f.title.trim() === '' ? '' : ` “${f.title.trim()}”`;
  return `${f.id}${title} (${f.language ?? '--'}, ${f.kind}): ${last}`;
}

async function add(c: CommandContext, feeds: Feeds, words: string[]): Promise<void> {
  const W = WORDS[c.locale];
  if (!(await c.deps.permission.canManageDeployment(c.turn, c.info))) return c.reply(notice([W.notAllowed]));
  const usage = (problem: string) => c.reply(notice([problem, W.example(EXAMPLE)]));
  const parsed = parseSourceWords(words);
  if (!parsed.ok) return usage(parsed.problem === 'missing_url' ? W.addUsage : W.badWord(parsed.word));
  const r = await feeds.store.add({ url: parsed.url, language: parsed.language, kind: parsed.kind }, c.deps.now());
  if (!r.ok) return usage(W.addError(r.error));
  c.deps.log.info('teams.feed_added', { conversation: c.info.type, feed: r.feed.id });
  await c.reply(notice([W.added(r.feed.id)]));
}

async function remove(c: CommandContext, feeds: Feeds, words: string[]): Promise<void> {
  const W = WORDS[c.locale];
  if (!(await c.deps.permission.canManageDeployment(c.turn, c.info))) return c.reply(notice([W.notAllowed]));
  const what = words[0];
  if (what === undefined) return c.reply(notice([W.removeUsage]));
  const removed = await feeds.store.remove(what, c.deps.now());
  if (!removed) return c.reply(notice([W.noSuch(what)]));
  c.deps.log.info('teams.feed_removed', { conversation: c.info.type, feed: removed.id });
  await c.reply(notice([W.removed(removed.id)]));
}

/** Teams may deliver a pasted link as an HTML anchor, with `&` as `&amp;`. */
function teamsText(args: string): string {
  return args.replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>.*?<\/a>/gi, '$1').replace(/&amp;/g, '&');
}
