import type { Subscription } from '../../../src/domain/subscription';
import { createSubscription } from '../../../src/subscriptions/create-subscription';
import { parseSubscribe } from '../../../src/subscriptions/parse-subscribe';
import { describeSubscription } from '../describe-subscription';
import { escapeMrkdwn, mentionUser } from '../escape';
import { joinChannel } from '../join-channel';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

/**
 * `/cyberbrief subscribe [time] [days] [zone] [en|fr] [filters]`: this channel gets a digest. One
 * subscription per channel: subscribing again changes it (and resumes a paused one) without
 * losing where the last digest stopped. The confirmation is posted in the channel, since it
 * changes what everyone there will receive.
 */
export async function subscribe({ ctx, command, respond, client, locale }: CommandCall, args: string): Promise<void> {
  const S = strings(locale);
  if (!(await ctx.permissions.canManage(client, command.user_id, command.team_id))) {
    await respond({ response_type: 'ephemeral', text: S.notAllowed });
    return;
  }
  const subject = (name: string, kind: 'incident' | 'actor') => {
    const b = ctx.briefing.brief(name, locale);
    return b.status === 'found' && b.subject?.kind === kind ? b.subject.id : undefined;
  };
  const parsed = parseSubscribe(args, {
    timezone: ctx.defaults.timezone,
    locale,
    resolveActor: (name) => subject(name, 'actor'),
    resolveIncident: (name) => subject(name, 'incident'),
  });
  if (!parsed.ok) {
    await respond({
      response_type: 'ephemeral',
      text: `${escapeMrkdwn(parsed.error)}\n${S.example}: \`/cyberbrief subscribe ${escapeMrkdwn(parsed.example)}\``,
    });
    return;
  }
  const existing = await ctx.subscriptions.findByChannel('slack', command.channel_id);
  const sub: Subscription = existing
    ? {
        ...existing,
        ...parsed.value,
        workspace: command.team_id,
        createdBy: command.user_id,
        status: 'active',
        pausedReason: undefined,
      }
    : createSubscription({
        ...parsed.value,
        platform: 'slack',
        channel: command.channel_id,
        workspace: command.team_id,
        createdBy: command.user_id,
        now: ctx.now(),
      });
  await ctx.subscriptions.save(sub);
  ctx.log.info('slack.subscribed', {
    team: command.team_id,
    channel: command.channel_id,
    subscription: sub.id,
    cron: sub.cron,
    timezone: sub.timezone,
    changed: existing !== undefined,
  });

  const join = await joinChannel(client, command.channel_id).catch((e: unknown) => ({
    joined: false as const,
    reason: (e as Error).message,
  }));
  const who = mentionUser(command.user_id);
  const line = describeSubscription(sub, locale);
  await respond({ response_type: 'in_channel', text: existing ? S.resubscribed(who, line) : S.subscribed(who, line) });
  if (!join.joined) await respond({ response_type: 'ephemeral', text: S.inviteBot });
}
