import type { ChatOutcome } from '../../src/chat/chat-service';
import { filterWords } from '../../src/chat/filter-words';
import type { FeedListing } from '../../src/chat/sources';
import type { Subscription } from '../../src/domain/subscription';
import type { Locale } from '../../src/domain/text';
import { type CardMessage, notice } from './bot/replies';
import { helpCard } from './help-card';
import { describeSchedule, messages } from './messages';
import { renderBrief } from './render-brief';
import { renderLatest } from './render-latest';
import { sourcesWords } from './sources-messages';

const SOURCES_EXAMPLE = 'sources add https://www.cert.ssi.gouv.fr/alerte/feed/ fr cert';
/** A card of this many lines stays far under Teams' size limit, whatever the titles. */
const MAX_FEED_LINES = 60;

/**
 * A chat outcome as a card. Notices are plain-text cards (see bot/replies `notice`), so what
 * users typed and what feeds say stays text.
 */
export function outcomeCard(outcome: ChatOutcome, locale: Locale): CardMessage {
  const M = messages(locale);
  const W = sourcesWords(locale);
  switch (outcome.kind) {
    case 'help':
      return helpCard(locale);
    case 'brief':
      return renderBrief(outcome.brief);
    case 'latest':
      return renderLatest(outcome.items, locale);
    case 'lang_usage':
      return notice([M.langUsage]);
    case 'lang_set': {
      const T = messages(outcome.locale);
      return notice([
        outcome.digestFollows ? `${T.langSet(outcome.locale)} ${T.langSetDigest}` : T.langSet(outcome.locale),
      ]);
    }
    case 'not_allowed':
      return notice([outcome.what === 'digest' ? M.notAllowed : W.notAllowed]);
    case 'not_here':
    case 'sources_usage':
    case 'sources_poll_elsewhere':
      return notice([...W.usage]);
    case 'subscribe_invalid':
      return notice([M.subscribeError(outcome.error, outcome.example)]);
    case 'subscribed': {
      const s = outcome.subscription;
      const say = outcome.created ? M.subscribed : M.subscribeUpdated;
      return notice([say(describeSchedule(s.cron, locale), s.timezone, s.locale)]);
    }
    case 'unsubscribed':
      return notice([M.unsubscribed]);
    case 'not_subscribed':
      return notice([M.notSubscribed]);
    case 'subscriptions':
      // A tenant's other conversations are not this reader's to see: Teams shows the digest set up here.
      return notice(outcome.here ? describeSubscription(outcome.here, locale) : [M.notSubscribed]);
    case 'sources_unavailable':
      return notice([W.unavailable]);
    case 'sources_listed': {
      if (outcome.feeds.length === 0) return notice([W.none]);
      const shown = outcome.feeds.slice(0, MAX_FEED_LINES);
      const lines = shown.map((f) => feedLine(f, locale));
      if (outcome.feeds.length > shown.length) lines.push(W.more(outcome.feeds.length - shown.length));
      return notice(lines, W.title(outcome.feeds.length));
    }
    case 'source_added': {
      const r = outcome.result;
      if (r.ok) return notice([W.added(r.feed.id)]);
      const problem =
        r.problem === 'missing_url' ? W.addUsage : r.problem === 'bad_word' ? W.badWord(r.word) : W.addError(r.error);
      return notice([problem, W.example(SOURCES_EXAMPLE)]);
    }
    case 'source_removed': {
      const r = outcome.result;
      if (r.ok) return notice([W.removed(r.feed.id)]);
      return notice([r.problem === 'missing_id' ? W.removeUsage : W.noSuch(r.what)]);
    }
  }
}

export function describeSubscription(s: Subscription, locale: Locale): string[] {
  const M = messages(locale);
  const status = s.status === 'active' ? M.active : M.paused(s.pausedReason ?? '');
  const lines = [M.subscriptionLine(describeSchedule(s.cron, locale), s.timezone, s.locale, status)];
  const words = filterWords(s.filters);
  if (words.length > 0) lines.push(`${M.filters}: ${words.join(' ')}`);
  if (s.lastDeliveredAt) lines.push(`${M.lastDigest}: ${s.lastDeliveredAt.slice(0, 16).replace('T', ' ')} UTC`);
  return lines;
}

/** One feed on one line; `notice` makes it plain text (no markdown, link or mention). */
export function feedLine({ feed: f, poll }: FeedListing, locale: Locale): string {
  const W = sourcesWords(locale);
  const at = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const last =
    poll.kind === 'never'
      ? W.never
      : poll.kind === 'failing'
        ? W.bad(poll.status, poll.failures, poll.reason)
        : poll.kind === 'ok'
          ? W.ok(at(poll.at), poll.newItems)
          : W.same(at(poll.at));
  const title = f.title.trim() === '' ? '' : ` “${f.title.trim()}”`;
  return `${f.id}${title} (${f.language ?? '--'}, ${f.kind}): ${last}`;
}
