import { Subscription } from '../../../src/domain/subscription';
import type { BriefingService } from '../../../src/service/briefing-service';
import type { Locale } from '../../../src/domain/text';
import { createSubscription } from '../../../src/subscriptions/create-subscription';
import { parseSubscribe } from '../../../src/subscriptions/parse-subscribe';
import { referenceFor } from '../bot/conversation';
import { timezoneFor } from '../bot/locale';
import { notice } from '../bot/replies';
import type { CommandRouter } from '../bot/router';
import { describeSchedule, messages } from '../messages';

/**
 * `subscribe [time] [days] [zone] [filters]`: a digest in this conversation. Saving the
 * conversation reference with it is what lets the scheduler post here later, from any replica.
 */
export function register(router: CommandRouter): void {
  router.command(['subscribe', 'abonner', 'sabonner', "s'abonner"], async (c) => {
    const M = messages(c.locale);
    if (!(await c.deps.permission.canManage(c.turn, c.info))) return c.reply(notice([M.notAllowed]));
    const parsed = parseSubscribe(c.args, {
      timezone: timezoneFor(c.deps, c.turn.activity),
      locale: c.locale,
      resolveActor: (name) => resolveActor(c.deps.briefing, name, c.locale),
      resolveIncident: (name) => resolveIncident(c.deps.briefing, name, c.locale),
    });
    if (!parsed.ok) return c.reply(notice([M.subscribeError(parsed.error, parsed.example)]));

    const now = c.deps.now();
    const reference = referenceFor(c.turn.activity);
    await c.deps.conversations.save(c.info.key, reference, now);
    const existing = await c.deps.subscriptions.findByChannel('teams', c.info.key);
    const from = c.turn.activity.from;
    // Changing an existing subscription keeps its id and delivery mark: nothing repeated, nothing skipped.
    const subscription = existing
      ? Subscription.parse({
          ...existing,
          ...parsed.value,
          conversationRef: reference,
          workspace: c.info.tenantId ?? existing.workspace,
          status: 'active',
          pausedReason: undefined,
        })
      : createSubscription({
          ...parsed.value,
          platform: 'teams',
          channel: c.info.key,
          workspace: c.info.tenantId,
          conversationRef: reference,
          createdBy: from?.aadObjectId ?? from?.id ?? '',
          now,
        });
    await c.deps.subscriptions.save(subscription);
    c.deps.log.info('teams.subscribed', {
      subscription: subscription.id,
      conversation: c.info.type,
      updated: existing !== undefined,
    });
    const say = existing ? M.subscribeUpdated : M.subscribed;
    await c.reply(
      notice([say(describeSchedule(subscription.cron, c.locale), subscription.timezone, subscription.locale)]),
    );
  });
}

function resolveActor(briefing: BriefingService, name: string, locale: Locale): string | undefined {
  for (const id of [name, name.toUpperCase()]) if (briefing.actor(id)) return id;
  const b = briefing.brief(name, locale);
  return b.status === 'found' && b.subject?.kind === 'actor' ? b.subject.id : undefined;
}

function resolveIncident(briefing: BriefingService, name: string, locale: Locale): string | undefined {
  if (briefing.data.incident(name.toLowerCase())) return name.toLowerCase();
  const b = briefing.brief(name, locale);
  return b.status === 'found' && b.subject?.kind === 'incident' ? b.subject.id : undefined;
}
