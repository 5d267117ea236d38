import {
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { Subscription } from '../../../src/domain/subscription';
import type { ChatRequest, SubjectRef } from '../../../src/chat/chat-request';
import type { Caller } from '../../../src/chat/chat-service';
import { parseCommand } from '../../../src/chat/parse-command';
import { outcomeCard } from '../chat-replies';
import { composeQuery, composeSelect } from '../compose-extension';
import { helpCard } from '../help-card';
import { messages } from '../messages';
import { type ConversationInfo, conversationInfo, referenceFor } from './conversation';
import type { BotDeps } from './deps';
import { localeFor, localeOfTag, timezoneFor } from './locale';
import { commandText } from './message-text';
import { cardActivity, notice } from './replies';

const PickValue = z.object({
  cyberbrief: z.object({ pick: z.object({ kind: z.enum(['incident', 'actor']), id: z.string().min(1).max(200) }) }),
});

/**
 * The Teams bot: a message becomes a ChatRequest (src/chat) and its outcome a card; install and removal keep the conversation
 * references (and pause a removed conversation's digest), and the compose extension searches.
 */
export class CyberbriefBot extends TeamsActivityHandler {
  /** Conversations whose reference this process already stored: one write per conversation, not per message. */
  private readonly remembered = new Set<string>();

  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (turn, next) => {
      await this.message(turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      if ((turn.activity.membersAdded ?? []).some((m) => m.id === turn.activity.recipient?.id))
        await this.installed(turn, true);
      await next();
    });
    this.onMembersRemoved(async (turn, next) => {
      if ((turn.activity.membersRemoved ?? []).some((m) => m.id === turn.activity.recipient?.id))
        await this.removed(turn);
      await next();
    });
    // Teams also sends installationUpdate; the welcome goes out once, with membersAdded.
    this.onInstallationUpdateAdd(async (turn, next) => {
      await this.installed(turn, false);
      await next();
    });
    this.onInstallationUpdateRemove(async (turn, next) => {
      await this.removed(turn);
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(
    turn: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const locale = await localeFor(this.deps, conversationInfo(turn.activity), turn.activity);
    return composeQuery(this.deps.briefing, query, locale);
  }

  protected override async handleTeamsMessagingExtensionSelectItem(
    turn: TurnContext,
    value: unknown,
  ): Promise<MessagingExtensionResponse> {
    const locale = await localeFor(this.deps, conversationInfo(turn.activity), turn.activity);
    return composeSelect(this.deps.briefing, value, locale);
  }

  private async message(turn: TurnContext): Promise<void> {
    const info = conversationInfo(turn.activity);
    const locale = await localeFor(this.deps, info, turn.activity);
    const parsed = PickValue.safeParse(turn.activity.value);
    const pick: SubjectRef | undefined = parsed.success ? parsed.data.cyberbrief.pick : undefined;
    const text = commandText(turn);
    // A card button names its subject exactly; its text is only the echo, whatever words it reads.
    const req: ChatRequest = pick
      ? { kind: 'lookup', query: text || pick.id, public: false, ref: pick }
      : parseCommand(text);
    try {
      await this.remember(turn, info.key);
      const caller = this.callerFor(turn, info, locale);
      // The scheduler posts from any replica: the reference must be stored with the subscription.
      if (req.kind === 'subscribe')
        await this.deps.conversations.save(info.key, referenceFor(turn.activity), this.deps.now());
      const outcome = await this.deps.chat.run(req, caller);
      await turn.sendActivity(cardActivity(outcomeCard(outcome, locale)));
    } catch (e) {
      this.deps.log.error('teams.command_failed', { error: (e as Error).message, conversation: info.type });
      await turn.sendActivity(cardActivity(notice([messages(locale).failed])));
    }
  }

  private callerFor(turn: TurnContext, info: ConversationInfo, locale: Caller['locale']): Caller {
    const from = turn.activity.from;
    return {
      platform: 'teams',
      channel: info.key,
      workspace: info.tenantId ?? '',
      user: from?.aadObjectId ?? from?.id ?? '',
      locale,
      timezone: timezoneFor(this.deps, turn.activity),
      conversationRef: referenceFor(turn.activity),
      mayManageDigest: () => this.deps.permission.canManage(turn, info),
      mayManageFeeds: () => this.deps.permission.canManageDeployment(turn, info),
    };
  }

  private async remember(turn: TurnContext, key: string): Promise<void> {
    if (key === '' || this.remembered.has(key)) return;
    await this.deps.conversations.save(key, referenceFor(turn.activity), this.deps.now());
    this.remembered.add(key);
  }

  private async installed(turn: TurnContext, welcome: boolean): Promise<void> {
    const info = conversationInfo(turn.activity);
    await this.deps.conversations.save(info.key, referenceFor(turn.activity), this.deps.now());
    this.remembered.add(info.key);
    this.deps.log.info('teams.bot_installed', { conversation: info.type });
    if (welcome)
      await turn.sendActivity(cardActivity(helpCard(localeOfTag(turn.activity.locale) ?? this.deps.defaults.locale)));
  }

  /** The bot can no longer post here: keep the digest, paused with the reason, for a person to see. */
  private async removed(turn: TurnContext): Promise<void> {
    const info = conversationInfo(turn.activity);
    const now = this.deps.now();
    await this.deps.conversations.markRemoved(info.key, now);
    this.remembered.delete(info.key);
    const sub = await this.deps.subscriptions.findByChannel('teams', info.key);
    if (sub && sub.status === 'active') {
      await this.deps.subscriptions.save(
        Subscription.parse({
          ...sub,
          status: 'paused',
          pausedReason: `cyberbrief was removed from this conversation (${now.toISOString().slice(0, 10)})`,
        }),
      );
      this.deps.log.warn('teams.subscription_paused', { subscription: sub.id, reason: 'removed' });
    }
    this.deps.log.info('teams.bot_removed', { conversation: info.type });
  }
}
