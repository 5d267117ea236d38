import { isRestError } from '@azure/core-rest-pipeline';
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { backOff } from 'exponential-backoff';
import type { DeliveryPort, DeliveryResult } from '../../src/digest/delivery-port';
import type { Digest } from '../../src/domain/digest';
import type { Subscription } from '../../src/domain/subscription';
import type { BriefLinks } from '../../src/links/brief-links';
import type { Logger } from '../../src/log';
import { cardActivity } from './bot/replies';
import type { KeyvConversationStore } from './conversation-store';
import { renderDigest, renderDigestHeadline, renderNote } from './render-digest';

export interface DeliveryRetry {
  /** Attempts for a throttled (429) send, on top of the connector's own retries. */
  attempts: number;
  startingDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: DeliveryRetry = { attempts: 4, startingDelayMs: 1000, maxDelayMs: 15_000 };

/**
 * Digests to Teams as proactive messages (`continueConversationAsync` with the stored reference).
 *
 * Retries: the Bot Connector client already retries 5xx and 408 with exponential backoff and
 * honours `Retry-After` on 429 and 503; a 429 that comes back anyway is retried here with
 * exponential-backoff. What still fails is reported as `retry` (the scheduler tries again next
 * tick); 403 and 404 mean the bot was removed or the conversation is gone: `paused`, with why.
 */
export class TeamsDeliveryPort implements DeliveryPort {
  readonly platform = 'teams' as const;
  private readonly retry: DeliveryRetry;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: KeyvConversationStore,
    private readonly log: Logger,
    retry: Partial<DeliveryRetry> = {},
    /** Signed full-brief pages: each incident of a digest links to its own. */
    private readonly links?: BriefLinks,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...retry };
  }

  async deliver(subscription: Subscription, digest: Digest): Promise<DeliveryResult> {
    const ref = await this.reference(subscription);
    if (!ref) return noReference(subscription);
    const links = this.links;
    const opts = {
      timeZone: subscription.timezone,
      ...(links ? { linkOf: (id: string) => links.url(id, digest.locale) } : {}),
    };
    try {
      if (ref.conversation?.conversationType !== 'channel') {
        const id = await this.send(ref, cardActivity(renderDigest(digest, opts)));
        return { status: 'delivered', messageId: id };
      }
      // A channel gets a headline post, and the details as a reply in its thread.
      const headId = await this.send(ref, cardActivity(renderDigestHeadline(digest, opts)));
      // Without the post's id there is no thread to reply in: the details follow as a post of their own.
      const thread = headId
        ? ({
            ...ref,
            conversation: { ...ref.conversation, id: `${ref.conversation.id};messageid=${headId}` },
          } as Partial<ConversationReference>)
        : ref;
      try {
        await this.send(thread, cardActivity(renderDigest(digest, opts)));
      } catch (e) {
        // The headline is posted: reporting a failure would post it twice on the next tick.
        this.log.error('teams.digest_details_failed', {
          subscription: subscription.id,
          status: statusOf(e),
          error: (e as Error).message,
        });
      }
      return { status: 'delivered', messageId: headId };
    } catch (e) {
      return this.failure(subscription, e);
    }
  }

  async deliverNote(subscription: Subscription, note: string): Promise<DeliveryResult> {
    const ref = await this.reference(subscription);
    if (!ref) return noReference(subscription);
    try {
      return {
        status: 'delivered',
        messageId: await this.send(ref, cardActivity(renderNote(note, subscription.locale))),
      };
    } catch (e) {
      return this.failure(subscription, e);
    }
  }

  /**
   * The conversation's reference as last seen (install, message), else the one saved with the
   * subscription: Teams may move a conversation to another service URL, and the store keeps up.
   */
  private async reference(subscription: Subscription): Promise<Partial<ConversationReference> | undefined> {
    const seen = await this.conversations.reference(subscription.channel);
    if (seen) return seen;
    const own = subscription.conversationRef as Partial<ConversationReference> | undefined;
    return own?.serviceUrl && own.conversation?.id ? own : undefined;
  }

  private async send(ref: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    return backOff(
      async () => {
        let id: string | undefined;
        let failed: unknown;
        await this.adapter.continueConversationAsync(this.appId, ref, async (turn) => {
          // The continuation activity has an id of its own; a digest is a new message, not a reply to it.
          turn.onSendActivities(async (_ctx, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          // Caught here: thrown, it would end in the adapter's onTurnError and look like success.
          try {
            id = (await turn.sendActivity(activity))?.id;
          } catch (e) {
            failed = e;
          }
        });
        if (failed !== undefined) throw failed;
        return id;
      },
      {
        numOfAttempts: this.retry.attempts,
        startingDelay: this.retry.startingDelayMs,
        maxDelay: this.retry.maxDelayMs,
        jitter: 'full',
        retry: (e: unknown) => statusOf(e) === 429,
      },
    );
  }

  private failure(subscription: Subscription, e: unknown): DeliveryResult {
    const status = statusOf(e);
    const reason = reasonOf(e, status);
    if (status === 403 || status === 404) {
      this.log.warn('teams.delivery_paused', { subscription: subscription.id, status, reason });
      return { status: 'paused', reason };
    }
    this.log.warn('teams.delivery_failed', { subscription: subscription.id, status, reason });
    return { status: 'retry', reason, retryAfterMs: retryAfterOf(e) };
  }
}

function noReference(subscription: Subscription): DeliveryResult {
  return {
    status: 'paused',
    reason: `no Teams conversation reference for ${subscription.channel}: add cyberbrief to that conversation (or mention it there once), then resume the subscription`,
  };
}

/**
 * The Bot Connector client (botframework-connector, on Azure's core-rest-pipeline) throws the
 * pipeline's RestError for HTTP failures: its status, the service's error code and the response
 * headers are typed there. Anything else never reached Teams.
 */
export function statusOf(e: unknown): number | undefined {
  return isRestError(e) ? e.statusCode : undefined;
}

function retryAfterOf(e: unknown): number | undefined {
  const header = isRestError(e) ? e.response?.headers.get('retry-after') : undefined;
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function reasonOf(e: unknown, status: number | undefined): string {
  const body = isRestError(e) ? (e.details as { error?: { code?: string } } | undefined) : undefined;
  const code = body?.error?.code ?? (isRestError(e) ? e.code : undefined);
  if (status === 403)
    return `Teams refused the message (403${code ? ` ${code}` : ''}): the bot was removed from the conversation or may not post there`;
  if (status === 404)
    return `Teams does not know the conversation (404${code ? ` ${code}` : ''}): it was deleted or the bot was removed`;
  if (status === 429) return 'Teams is throttling the bot (429)';
  if (status !== undefined) return `Teams answered ${status}${code ? ` ${code}` : ''}`;
  return `could not reach Teams: ${(e as Error)?.message ?? String(e)}`;
}
