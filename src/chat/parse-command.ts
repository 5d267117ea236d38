import { commandOf, isPublicWord, languageOf, sourceVerbOf } from './command-words';
import type { ChatRequest } from './chat-request';

/**
 * Reads command text (what follows `/cyberbrief` in Slack, a message to the bot in Teams, the
 * words after `cyberbrief` in a terminal) as one request. The first word selects a command from
 * the one table in command-words. `help`, `latest`, `unsubscribe` and `subscriptions` take no
 * words, so `latest ransomware` is a lookup of the whole text, on every surface. Empty text is help.
 */
export function parseCommand(text: string): ChatRequest {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { kind: 'help' };
  const [first = '', ...rest] = trimmed.split(' ');
  const args = rest.join(' ');
  const kind = commandOf(first);
  switch (kind) {
    case 'help':
    case 'latest':
    case 'unsubscribe':
    case 'subscriptions':
      if (args === '') return { kind };
      break;
    case 'lang': {
      const locale = languageOf(args);
      return { kind: 'lang', given: args, ...(locale ? { locale } : {}) };
    }
    case 'subscribe':
      return { kind: 'subscribe', args };
    case 'sources':
      return parseSources(rest);
    case 'lookup':
      // `brief` alone asks for nothing: help says what to type.
      return args === '' ? { kind: 'help' } : lookup(rest);
    default:
      break;
  }
  return lookup(trimmed.split(' '));
}

function lookup(words: string[]): ChatRequest {
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && isPublicWord(last))
    return { kind: 'lookup', query: words.slice(0, -1).join(' '), public: true };
  return { kind: 'lookup', query: words.join(' '), public: false };
}

/** The words after `sources`: a verb from the table (none lists), then its arguments. */
export function parseSources(words: string[]): Extract<ChatRequest, { kind: 'sources' }> {
  if (words.length === 0) return { kind: 'sources', verb: 'list', words: [] };
  const [verb = '', ...rest] = words;
  return { kind: 'sources', verb: sourceVerbOf(verb) ?? 'usage', words: rest };
}
