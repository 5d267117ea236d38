import { card, text } from '../cards/elements';
import { plain } from '../cards/plain-text';
import type { CommandRouter } from '../bot/router';
import type { CardMessage } from '../bot/replies';
import { messages } from '../messages';
import type { Locale } from '../../../src/domain/text';

export function helpCard(locale: Locale): CardMessage {
  const M = messages(locale);
  const body = [text(M.helpTitle, { weight: 'Bolder' }), ...M.helpLines.map((l) => text(plain(l), { spacing: 'Small' }))];
  return { card: card(body, [], [M.helpTitle, ...M.helpLines].join('\n')), summary: M.helpTitle };
}

export function register(router: CommandRouter): void {
  router.command(['help', 'aide', '?'], async (c) => c.reply(helpCard(c.locale)));
}
