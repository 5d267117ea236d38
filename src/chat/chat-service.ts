import type { LatestItem } from '../brief/latest';
import type { Brief } from '../domain/brief';
import type { Platform, Subscription } from '../domain/subscription';
import type { Locale } from '../domain/text';
import type { Logger } from '../log';
import type { BriefingService } from '../service/briefing-service';
import { parseSubscribe } from '../subscriptions/parse-subscribe';
import type { ChannelSettingsStore, SubscriptionStore } from '../subscriptions/subscription-store';
import type { ChatRequest } from './chat-request';
import { resolveSubject } from './resolve-subject';
import {
  type AddSourceResult,
  addSource,
  type FeedListing,
  type FeedsAccess,
  listSources,
  type RemoveSourceResult,
  removeSource,
} from './sources';
import { upsertSubscription } from './upsert-subscription';

export interface ChatDeps {
  briefing: BriefingService;
  subscriptions: SubscriptionStore;
  channels: ChannelSettingsStore;
  /** Followed feeds; without them `sources` answers that feeds are not managed from here. */
  feeds?: FeedsAccess;
  log: Logger;
  now: () => Date;
}

/** Who asks, where, and what they may change; each surface fills it from its platform's request. */
export interface Caller {
  platform: Platform | 'cli';
  /** Slack channel, Teams conversation key; empty in a terminal. */
  channel: string;
  /** Slack team, Teams tenant. */
  workspace: string;
  user: string;
  /** The conversation's language. */
  locale: Locale;
  /** The zone a new subscription defaults to. */
  timezone: string;
  /** Teams: what a proactive digest needs. */
  conversationRef?: unknown;
  /** May set or stop this conversation's digest. */
  mayManageDigest(): Promise<boolean>;
  /** May change what the whole deployment reads (followed feeds). */
  mayManageFeeds(): Promise<boolean>;
}

/** What a request came to, as plain data: each surface words and draws it. */
export type ChatOutcome =
  | { kind: 'help' }
  | { kind: 'brief'; brief: Brief; public: boolean }
  | { kind: 'latest'; items: LatestItem[] }
  | { kind: 'lang_usage' }
  | { kind: 'lang_set'; locale: Locale; digestFollows: boolean }
  | { kind: 'not_allowed'; what: 'digest' | 'feeds' }
  | { kind: 'not_here' }
  | { kind: 'subscribe_invalid'; error: string; example: string }
  | { kind: 'subscribed'; subscription: Subscription; created: boolean }
  | { kind: 'unsubscribed'; subscription: Subscription }
  | { kind: 'not_subscribed' }
  /** `here`: this conversation's digest; `workspace`: every digest of the caller's workspace. */
  | { kind: 'subscriptions'; here?: Subscription; workspace: Subscription[] }
  | { kind: 'sources_unavailable' }
  | { kind: 'sources_usage' }
  | { kind: 'sources_listed'; feeds: FeedListing[] }
  | { kind: 'source_added'; result: AddSourceResult }
  | { kind: 'source_removed'; result: RemoveSourceResult }
  /** Polling stays with the server's schedule in chat; the terminal polls itself. */
  | { kind: 'sources_poll_elsewhere' };

const LATEST = 10;

/**
 * The surface-neutral chat layer: Slack, Teams and the terminal turn their platform's request
 * into a ChatRequest and a Caller, call `run`, and render the outcome. Every request is logged
 * once as `chat.request_handled`, the same on every surface.
 */
export class ChatService {
  constructor(private readonly deps: ChatDeps) {}

  get briefing(): BriefingService {
    return this.deps.briefing;
  }

  async run(request: ChatRequest, caller: Caller): Promise<ChatOutcome> {
    const outcome =
      request.kind === 'lookup' ? this.lookupOutcome(request, caller.locale) : await this.handle(request, caller);
    this.record(request, caller, outcome);
    return outcome;
  }

  /**
   * A lookup, synchronously: Slack answers it inside its 3-second ack. An exact id or a picked
   * subject goes straight to its brief (resolveSubject); anything else is searched.
   */
  lookup(request: Extract<ChatRequest, { kind: 'lookup' }>, caller: Caller): Brief {
    const outcome = this.lookupOutcome(request, caller.locale);
    this.record(request, caller, outcome);
    return outcome.brief;
  }

  /** The brief a lookup answers with, neither logged nor cached (surfaces that cache call this). */
  briefFor(request: Pick<Extract<ChatRequest, { kind: 'lookup' }>, 'query' | 'ref'>, locale: Locale): Brief {
    const { briefing } = this.deps;
    const ref = request.ref ?? resolveSubject(briefing, request.query, locale);
    return ref ? briefing.briefForRef(ref, locale, request.query) : briefing.brief(request.query, locale);
  }

  private lookupOutcome(
    request: Extract<ChatRequest, { kind: 'lookup' }>,
    locale: Locale,
  ): Extract<ChatOutcome, { kind: 'brief' }> {
    return { kind: 'brief', brief: this.briefFor(request, locale), public: request.public };
  }

  private async handle(request: Exclude<ChatRequest, { kind: 'lookup' }>, caller: Caller): Promise<ChatOutcome> {
    const { deps } = this;
    switch (request.kind) {
      case 'help':
        return { kind: 'help' };
      case 'latest':
        return { kind: 'latest', items: deps.briefing.latest(caller.locale, LATEST) };
      case 'lang':
        return this.lang(request.locale, caller);
      case 'subscribe':
        return this.subscribe(request.args, caller);
      case 'unsubscribe':
        return this.unsubscribe(caller);
      case 'subscriptions': {
        if (caller.platform === 'cli') return { kind: 'not_here' };
        const [here, workspace] = await Promise.all([
          deps.subscriptions.findByChannel(caller.platform, caller.channel),
          deps.subscriptions.list({ platform: caller.platform, workspace: caller.workspace }),
        ]);
        return { kind: 'subscriptions', ...(here ? { here } : {}), workspace };
      }
      case 'sources':
        return this.sources(request, caller);
    }
  }

  /** Anyone may set a conversation's language; its digest follows only for who may manage it. */
  private async lang(locale: Locale | undefined, caller: Caller): Promise<ChatOutcome> {
    if (!locale) return { kind: 'lang_usage' };
    if (caller.platform === 'cli') return { kind: 'not_here' };
    await this.deps.channels.setLocale(caller.platform, caller.channel, locale);
    const sub = await this.deps.subscriptions.findByChannel(caller.platform, caller.channel);
    let digestFollows = false;
    if (sub && sub.locale !== locale && (await caller.mayManageDigest())) {
      await this.deps.subscriptions.save({ ...sub, locale });
      digestFollows = true;
    }
    return { kind: 'lang_set', locale, digestFollows };
  }

  private async subscribe(args: string, caller: Caller): Promise<ChatOutcome> {
    if (caller.platform === 'cli') return { kind: 'not_here' };
    if (!(await caller.mayManageDigest())) return { kind: 'not_allowed', what: 'digest' };
    const { briefing } = this.deps;
    const parsed = parseSubscribe(args, {
      timezone: caller.timezone,
      locale: caller.locale,
      resolveActor: (name) => resolveSubject(briefing, name, caller.locale, 'actor')?.id,
      resolveIncident: (name) => resolveSubject(briefing, name, caller.locale, 'incident')?.id,
    });
    if (!parsed.ok) return { kind: 'subscribe_invalid', error: parsed.error, example: parsed.example };
    const { subscription, created } = await upsertSubscription(
      this.deps.subscriptions,
      {
        platform: caller.platform,
        channel: caller.channel,
        workspace: caller.workspace,
        user: caller.user,
        ...(caller.conversationRef !== undefined ? { conversationRef: caller.conversationRef } : {}),
      },
      parsed.value,
      this.deps.now(),
    );
    return { kind: 'subscribed', subscription, created };
  }

  private async unsubscribe(caller: Caller): Promise<ChatOutcome> {
    if (caller.platform === 'cli') return { kind: 'not_here' };
    if (!(await caller.mayManageDigest())) return { kind: 'not_allowed', what: 'digest' };
    const sub = await this.deps.subscriptions.findByChannel(caller.platform, caller.channel);
    if (!sub) return { kind: 'not_subscribed' };
    await this.deps.subscriptions.remove(sub.id);
    return { kind: 'unsubscribed', subscription: sub };
  }

  /** Anyone may list the feeds; adding and removing changes what the whole deployment reads. */
  private async sources(request: Extract<ChatRequest, { kind: 'sources' }>, caller: Caller): Promise<ChatOutcome> {
    const feeds = this.deps.feeds;
    if (!feeds) return { kind: 'sources_unavailable' };
    switch (request.verb) {
      case 'list':
        return { kind: 'sources_listed', feeds: await listSources(feeds) };
      case 'usage':
        return { kind: 'sources_usage' };
      case 'poll':
        return { kind: 'sources_poll_elsewhere' };
      case 'add':
        if (!(await caller.mayManageFeeds())) return { kind: 'not_allowed', what: 'feeds' };
        return {
          kind: 'source_added',
          result: await addSource(feeds, request.words, this.deps.now(), request.details),
        };
      case 'remove':
        if (!(await caller.mayManageFeeds())) return { kind: 'not_allowed', what: 'feeds' };
        return { kind: 'source_removed', result: await removeSource(feeds, request.words, this.deps.now()) };
    }
  }

  /** Logs one handled request; surfaces that answer from a cache call it themselves. */
  record(request: ChatRequest, caller: Caller, outcome: ChatOutcome): void {
    this.deps.log.info('chat.request_handled', {
      platform: caller.platform,
      request: request.kind,
      ...(request.kind === 'lookup' ? { public: request.public } : {}),
      ...(request.kind === 'sources' ? { verb: request.verb } : {}),
      outcome: outcomeLabel(outcome),
    });
  }
}

/** One word per outcome for logs and tests: the kind, refined where a result can go either way. */
export function outcomeLabel(o: ChatOutcome): string {
  switch (o.kind) {
    case 'brief':
      return `brief_${o.brief.status}${o.brief.subject ? `:${o.brief.subject.kind}:${o.brief.subject.id}` : ''}`;
    case 'source_added':
      return o.result.ok ? `source_added:${o.result.feed.id}` : `source_add_${o.result.problem}`;
    case 'source_removed':
      return o.result.ok ? `source_removed:${o.result.feed.id}` : `source_remove_${o.result.problem}`;
    case 'subscribed':
      return `subscribed:${o.created ? 'created' : 'changed'}`;
    default:
      return o.kind;
  }
}
