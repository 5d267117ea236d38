import type { TurnContext } from 'botbuilder';

/**
 * The message as the user meant it: without the bot's @mention (Teams puts `<at>name</at>` in
 * channel messages), without a leading `cyberbrief` or `/cyberbrief`, on one line, and with a
 * pasted link (which Teams may send as an HTML anchor, `&` as `&amp;`) as its URL.
 */
export function commandText(turn: TurnContext): string {
  const stripped = turn.activity.text ? removeMentions(turn) : '';
  return stripped
    .replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>.*?<\/a>/gi, '$1')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0|&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/?cyberbrief\b[:,]?\s*/i, '')
    .trim();
}

function removeMentions(turn: TurnContext): string {
  const activity = turn.activity;
  let text = activity.text ?? '';
  // The SDK's helper removes only the recipient's mention text; a renamed bot may still leave tags.
  for (const m of activity.entities ?? []) {
    if (m.type === 'mention' && (m as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id) {
      const t = (m as { text?: string }).text;
      if (t) text = text.split(t).join(' ');
    }
  }
  return text.replace(/<at>[^<]*<\/at>/gi, ' ');
}
