import type { Locale } from '../../src/domain/text';
import type { CardMessage } from './bot/replies';
import { card, text } from './cards/elements';
import { plain } from './cards/plain-text';
import { messages } from './messages';
import { sourcesWords } from './sources-messages';

export function helpCard(locale: Locale): CardMessage {
  const M = messages(locale);
  // The compose-box hint stays last.
  const lines = [...M.helpLines.slice(0, -1), sourcesWords(locale).help, ...M.helpLines.slice(-1)];
  const body = [text(M.helpTitle, { weight: 'Bolder' }), ...lines.map((l) => text(plain(l), { spacing: 'Small' }))];
  return { card: card(body, [], [M.helpTitle, ...lines].join('\n')), summary: M.helpTitle };
}
