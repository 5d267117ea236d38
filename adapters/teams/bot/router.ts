import { type TurnContext } from 'botbuilder';
import type { Locale } from '../../../src/domain/text';
import type { ConversationInfo } from './conversation';
import type { BotDeps } from './deps';
import type { CardMessage } from './replies';

/** What a card button sent back (see `messageBack` in cards/elements). */
export interface Pick {
  kind: 'incident' | 'actor';
  id: string;
}

export interface CommandContext {
  turn: TurnContext;
  /** The words after the command word. */
  args: string;
  /** Set when the message came from a card button naming its subject exactly. */
  pick?: Pick;
  info: ConversationInfo;
  locale: Locale;
  deps: BotDeps;
  reply(message: CardMessage): Promise<void>;
}

export type CommandHandler = (c: CommandContext) => Promise<void>;

/** A command file registers its words here, like a Bolt listener registers on the app. */
export class CommandRouter {
  private readonly commands = new Map<string, CommandHandler>();
  private fallbackHandler: CommandHandler | undefined;

  command(words: string[], handler: CommandHandler): void {
    for (const w of words) this.commands.set(fold(w), handler);
  }

  /** What runs when the first word is no command: a lookup. */
  fallback(handler: CommandHandler): void {
    this.fallbackHandler = handler;
  }

  /** `lookup` skips command words: a card button's text is a subject's name, whatever it reads. */
  route(text: string, lookup = false): { handler: CommandHandler; args: string } | undefined {
    if (lookup) return this.fallbackHandler ? { handler: this.fallbackHandler, args: text } : undefined;
    const [first = '', ...rest] = text.split(/\s+/);
    const handler = this.commands.get(fold(first));
    if (handler) return { handler, args: rest.join(' ').trim() };
    return this.fallbackHandler ? { handler: this.fallbackHandler, args: text } : undefined;
  }
}

/**
 * The message as the user meant it: without the bot's @mention (Teams puts `<at>name</at>` in
 * channel messages), without a leading `cyberbrief` or `/cyberbrief`, on one line.
 */
export function commandText(turn: TurnContext): string {
  const stripped = turn.activity.text ? removeMentions(turn) : '';
  return stripped
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

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
