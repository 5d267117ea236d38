import { Locale } from '../../src/domain/text';

/** What the words after `/cyberbrief` ask for. */
export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'latest' }
  | { kind: 'lang'; locale?: Locale; given: string }
  | { kind: 'subscribe'; args: string }
  | { kind: 'unsubscribe' }
  | { kind: 'subscriptions' }
  | { kind: 'sources'; args: string }
  | { kind: 'lookup'; query: string; public: boolean };

const SUBCOMMANDS: Record<string, CommandRequest['kind']> = {
  help: 'help',
  aide: 'help',
  '?': 'help',
  latest: 'latest',
  news: 'latest',
  derniers: 'latest',
  nouveautes: 'latest',
  nouveautés: 'latest',
  lang: 'lang',
  langue: 'lang',
  language: 'lang',
  subscribe: 'subscribe',
  abonner: 'subscribe',
  unsubscribe: 'unsubscribe',
  desabonner: 'unsubscribe',
  désabonner: 'unsubscribe',
  subscriptions: 'subscriptions',
  abonnements: 'subscriptions',
  sources: 'sources',
  feeds: 'sources',
  flux: 'sources',
};

/** A last word that asks for the brief to be posted in the channel instead of shown to the caller only. */
const PUBLIC = new Set(['public', 'publique', '--public']);

/**
 * Splits `/cyberbrief` text into a subcommand or a lookup. The first word selects a subcommand;
 * `help`, `latest`, `unsubscribe` and `subscriptions` take no words after them, so "latest
 * ransomware" stays a lookup. An empty text is help.
 */
export function parseCommandText(text: string): CommandRequest {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { kind: 'help' };
  const [first = '', ...rest] = trimmed.split(' ');
  const kind = SUBCOMMANDS[first.toLowerCase()];
  const args = rest.join(' ');
  switch (kind) {
    case 'help':
    case 'latest':
    case 'unsubscribe':
    case 'subscriptions':
      if (args === '') return { kind };
      break;
    case 'lang': {
      const r = Locale.safeParse(args.toLowerCase());
      return { kind: 'lang', given: args, ...(r.success ? { locale: r.data } : {}) };
    }
    case 'subscribe':
      return { kind: 'subscribe', args };
    case 'sources':
      return { kind: 'sources', args };
    default:
      break;
  }
  const words = trimmed.split(' ');
  const last = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && PUBLIC.has(last))
    return { kind: 'lookup', query: words.slice(0, -1).join(' '), public: true };
  return { kind: 'lookup', query: trimmed, public: false };
}
