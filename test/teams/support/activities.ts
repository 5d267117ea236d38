import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:cyberbrief-test-bot', name: 'cyberbrief' };
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const TEAM = {
  id: '19:team-general@thread.tacv2',
  aadGroupId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  name: 'Policy unit',
};
export const CHANNEL_ID = '19:channel-policy@thread.tacv2';
export const ALICE = { id: '29:alice-teams-id', aadObjectId: '0a0a0a0a-0000-4000-8000-00000000a11c', name: 'Alice' };
export const BOB = { id: '29:bob-teams-id', aadObjectId: '0b0b0b0b-0000-4000-8000-000000000b0b', name: 'Bob' };

export type Where = 'personal' | 'groupChat' | 'channel';

export interface ActivityOptions {
  serviceUrl: string;
  where?: Where;
  from?: { id: string; aadObjectId?: string; name?: string };
  locale?: string;
  localTimezone?: string;
  /** Personal conversation id (one per user in Teams). */
  personalId?: string;
}

/** The conversation and channel data Teams sends for each kind of conversation. */
function place(o: ActivityOptions, threadMessageId = '1700000000001') {
  const where = o.where ?? 'personal';
  if (where === 'channel') {
    return {
      conversation: {
        id: `${CHANNEL_ID};messageid=${threadMessageId}`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT,
      },
      channelData: { tenant: { id: TENANT }, team: TEAM, channel: { id: CHANNEL_ID, name: 'Policy' } },
    };
  }
  if (where === 'groupChat') {
    return {
      conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    };
  }
  return {
    conversation: {
      id: o.personalId ?? 'a:personal-conversation-alice',
      conversationType: 'personal',
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
  };
}

function base(o: ActivityOptions) {
  return {
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    from: o.from ?? ALICE,
    recipient: BOT,
    locale: o.locale ?? 'en-US',
    ...(o.localTimezone ? { localTimezone: o.localTimezone } : {}),
    ...place(o),
  };
}

/** A message as Teams delivers it; in channels the bot is @mentioned, which the text carries. */
export function message(text: string, o: ActivityOptions & { value?: unknown; mention?: boolean }) {
  const mention = o.mention ?? o.where === 'channel';
  const full = mention ? `<at>${BOT.name}</at> ${text}` : text;
  const entities = mention ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : [];
  return {
    ...base(o),
    type: 'message',
    text: full,
    textFormat: 'plain',
    entities,
    ...(o.value !== undefined ? { value: o.value } : {}),
  };
}

/** A card button press (`messageBack`): the text shown, and the value the card carried. */
export function buttonPress(data: { msteams: { text: string }; cyberbrief: unknown }, o: ActivityOptions) {
  return { ...base(o), type: 'message', text: data.msteams.text, value: { cyberbrief: data.cyberbrief } };
}

export function botAdded(o: ActivityOptions) {
  return {
    ...base(o),
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { ...place(o).channelData, eventType: o.where === 'channel' ? 'teamMemberAdded' : undefined },
  };
}

export function botRemoved(o: ActivityOptions) {
  return {
    ...base(o),
    type: 'conversationUpdate',
    membersRemoved: [BOT],
    channelData: { ...place(o).channelData, eventType: o.where === 'channel' ? 'teamMemberRemoved' : undefined },
  };
}

export function composeQuery(text: string | undefined, o: ActivityOptions) {
  const parameters = text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }];
  return {
    ...base(o),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId: 'searchBrief', parameters, queryOptions: { skip: 0, count: 10 } },
  };
}

export function composeSelect(value: unknown, o: ActivityOptions) {
  return { ...base(o), type: 'invoke', name: 'composeExtension/selectItem', value };
}
