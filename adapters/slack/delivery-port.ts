import type { webApi } from '@slack/bolt';
import type { DeliveryPort, DeliveryResult } from '../../src/digest/delivery-port';
import type { Digest } from '../../src/domain/digest';
import type { Subscription } from '../../src/domain/subscription';
import type { BriefLinks } from '../../src/links/brief-links';
import type { Logger } from '../../src/log';
import type { SlackMessage } from './blocks';
import { escapeMrkdwn, mentionChannel } from './escape';
import { joinChannel } from './join-channel';
import { fitMrkdwn, LIMITS } from './limits';
import { renderDigest } from './render-digest';
import { ACCESS_LOST, CHANNEL_GONE, platformError, RateLimitWatch, rateLimitWaitMs } from './slack-errors';
import { strings } from './strings';

/** The bot token for a workspace: the configured one, or the OAuth installation's. */
export type TokenSource = (workspace: string) => Promise<string | undefined>;

/** Raised inside a delivery when the bot cannot get into the channel; becomes a `paused` result. */
class NotInChannel extends Error {}

/**
 * Posts digests with chat.postMessage: the headline in the channel, the details in its thread.
 * Rate limits are left to the WebClient (it honours Retry-After and retries per its retryConfig);
 * what is left here is deciding, per channel, between delivered, retry later and paused.
 */
export class SlackDeliveryPort implements DeliveryPort {
  readonly platform = 'slack' as const;
  private readonly rateLimits: RateLimitWatch;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly tokenFor: TokenSource,
    private readonly log: Logger,
    /** Signed full-brief pages: each incident of a digest links to its own. */
    private readonly links?: BriefLinks,
  ) {
    this.rateLimits = new RateLimitWatch(client);
  }

  async deliver(subscription: Subscription, digest: Digest): Promise<DeliveryResult> {
    const links = this.links;
    const { headline, thread } = renderDigest(digest, {
      timeZone: subscription.timezone,
      ...(links ? { linkOf: (id: string) => links.url(id, digest.locale) } : {}),
    });
    return this.send(subscription, headline, thread);
  }

  async deliverNote(subscription: Subscription, text: string): Promise<DeliveryResult> {
    const safe = fitMrkdwn(escapeMrkdwn(text), LIMITS.fallbackText);
    return this.send(subscription, { text: safe, blocks: [] }, []);
  }

  private async send(sub: Subscription, headline: SlackMessage, thread: SlackMessage[]): Promise<DeliveryResult> {
    const token = await this.tokenFor(sub.workspace);
    if (!token)
      return {
        status: 'paused',
        reason: `the app is not installed in Slack workspace ${sub.workspace || '(unknown)'}`,
      };
    let ts: string;
    const started = Date.now();
    try {
      ts = await this.postHeadline(token, sub, headline);
    } catch (e) {
      return this.failure(e, sub, token, started);
    }
    // The headline is in the channel: from here on the digest counts as delivered, because posting
    // it again would repeat it. A thread reply that fails is logged, not retried as a new digest.
    for (const [i, message] of thread.entries()) {
      try {
        await this.client.chat.postMessage({
          token,
          channel: sub.channel,
          thread_ts: ts,
          ...withBlocks(message),
          ...QUIET,
        });
      } catch (e) {
        this.log.warn('slack.digest_thread_failed', {
          subscription: sub.id,
          channel: sub.channel,
          part: i + 1,
          of: thread.length,
          error: platformError(e) ?? (e as Error).message,
        });
        break;
      }
    }
    this.log.info('slack.digest_delivered', { subscription: sub.id, channel: sub.channel, ts, thread: thread.length });
    return { status: 'delivered', messageId: ts };
  }

  private async postHeadline(token: string, sub: Subscription, message: SlackMessage): Promise<string> {
    try {
      return await this.post(token, sub.channel, message);
    } catch (e) {
      if (platformError(e) !== 'not_in_channel') throw e;
      const join = await joinChannel(this.client, sub.channel, token);
      if (!join.joined) throw new NotInChannel(join.reason);
      this.log.info('slack.channel_joined', { subscription: sub.id, channel: sub.channel });
      return this.post(token, sub.channel, message);
    }
  }

  private async post(token: string, channel: string, message: SlackMessage): Promise<string> {
    const res = await this.client.chat.postMessage({ token, channel, ...withBlocks(message), ...QUIET });
    return res.ts ?? '';
  }

  private async failure(e: unknown, sub: Subscription, token: string, started: number): Promise<DeliveryResult> {
    const code = platformError(e);
    if (e instanceof NotInChannel) {
      const reason = `not_in_channel: the bot is not a member of ${sub.channel} and cannot join it (${e.message}); invite it with /invite @cyberbrief`;
      this.log.warn('slack.digest_paused', { subscription: sub.id, channel: sub.channel, reason: 'not_in_channel' });
      await this.tellSubscriber(token, sub);
      return { status: 'paused', reason };
    }
    if (code && CHANNEL_GONE.has(code)) {
      this.log.warn('slack.digest_paused', { subscription: sub.id, channel: sub.channel, reason: code });
      return {
        status: 'paused',
        reason: `${code}: the channel ${sub.channel} was deleted, archived or is no longer visible to the app`,
      };
    }
    if (code && ACCESS_LOST.has(code)) {
      this.log.warn('slack.digest_paused', { subscription: sub.id, channel: sub.channel, reason: code });
      return {
        status: 'paused',
        reason: `${code}: the app can no longer post in this workspace; reinstall it or check its scopes`,
      };
    }
    const wait = rateLimitWaitMs(e, this.rateLimits, started);
    const reason = code ?? (wait !== undefined ? 'ratelimited' : (e as Error).message);
    this.log.warn('slack.digest_deferred', { subscription: sub.id, channel: sub.channel, reason });
    return { status: 'retry', reason, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  }

  /** Best effort: a DM to whoever subscribed, saying how to let the bot in. */
  private async tellSubscriber(token: string, sub: Subscription): Promise<void> {
    if (!/^[UW][A-Z0-9]+$/.test(sub.createdBy)) return;
    try {
      await this.client.chat.postMessage({
        token,
        channel: sub.createdBy,
        text: strings(sub.locale).invitePaused(mentionChannel(sub.channel)),
        ...QUIET,
      });
    } catch (e) {
      this.log.warn('slack.subscriber_notify_failed', {
        subscription: sub.id,
        error: platformError(e) ?? (e as Error).message,
      });
    }
  }
}

/** A text-only message (a note) is sent without a `blocks` field rather than an empty one. */
function withBlocks(m: SlackMessage): { text: string; blocks?: SlackMessage['blocks'] } {
  return m.blocks.length > 0 ? { text: m.text, blocks: m.blocks } : { text: m.text };
}

/** No link previews (a digest would sprout a dozen) and no mention parsing of anything we send. */
const QUIET = { unfurl_links: false, unfurl_media: false, parse: 'none', link_names: false } as const;
