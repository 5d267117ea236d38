import {
  type Activity,
  type ConversationReference,
  TurnContext,
  teamsGetChannelId,
  teamsGetTeamInfo,
  teamsGetTenant,
} from 'botbuilder';

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** Where an activity came from, reduced to what cyberbrief keys its records on. */
export interface ConversationInfo {
  /**
   * The conversation a subscription or setting belongs to. For a channel this is the channel's id
   * without `;messageid=…`, so a reply thread and the channel share their language and digest.
   */
  key: string;
  type: ConversationType;
  tenantId?: string;
  teamId?: string;
  teamAadGroupId?: string;
}

export function conversationInfo(activity: Activity): ConversationInfo {
  const conv = activity.conversation ?? ({} as Activity['conversation']);
  const raw = conv.conversationType;
  const type: ConversationType =
    raw === 'channel' ? 'channel' : raw === 'groupChat' || conv.isGroup ? 'groupChat' : 'personal';
  const channelId = type === 'channel' ? (teamsGetChannelId(activity) ?? undefined) : undefined;
  const key = channelId ?? stripThread(conv.id ?? '');
  const team = teamsGetTeamInfo(activity) as { id?: string; aadGroupId?: string } | null;
  return {
    key,
    type,
    tenantId: teamsGetTenant(activity)?.id ?? conv.tenantId ?? undefined,
    teamId: team?.id ?? undefined,
    teamAadGroupId: team?.aadGroupId ?? undefined,
  };
}

/**
 * The reference a proactive message needs, pointed at the conversation itself rather than at
 * the message that was being answered: a digest to a channel must start a new post.
 */
export function referenceFor(activity: Activity): Partial<ConversationReference> {
  const info = conversationInfo(activity);
  const ref = TurnContext.getConversationReference(activity);
  const conversation = { ...(ref.conversation ?? activity.conversation), id: info.key };
  const out: Partial<ConversationReference> = { ...ref, conversation };
  delete out.activityId;
  return out;
}

function stripThread(id: string): string {
  return id.split(';')[0] ?? id;
}
