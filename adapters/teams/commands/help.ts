import { card, text } from '../cards/elements';
import { plain } from '../cards/plain-text';
import type { CommandRouter } from '../bot/router';
import type { CardMessage } from '../bot/replies';
import { messages } from '../messages';
import { sourcesHelpLine } from './sources';
import type { Locale } from '../../../src/domain/text';

export function helpCard(locale: Locale): CardMessage {
  const M = messages(locale);
  // The compose-box hint stays last.
  const lines = [...M.helpLines.slice(0, -1), sourcesHelpLine(locale), ...M.helpLines.slice(-1)];
  const body = [text(M.helpTitle, { weight: 'Bolder' }), ...lines.map((l) => text(plain(l), { spacing: 'Small' }))];
  return { card: card(body, [], [M.helpTitle, ...lines].join('\n')), summary: M.helpTitle };
}

export function register(router: CommandRouter): void {
  router.command(['help', 'aide', '?'], async (c) => c.reply(helpCard(c.locale)));
}
