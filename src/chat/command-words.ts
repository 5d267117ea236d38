import type { Locale } from '../domain/text';

/**
 * The one table of command words, in English and French, for Slack, Teams and the terminal.
 * Words are compared folded (lower case, accents dropped), so `récent` and `recent` are one word.
 * The first English word of each row is the canonical one shown in help texts.
 */
export const COMMAND_WORDS = {
  /** `brief wannacry`, `fiche wannacry`; any text that starts with no command word is a lookup too. */
  lookup: { en: ['brief', 'lookup'], fr: ['fiche'] },
  help: { en: ['help', '?'], fr: ['aide'] },
  latest: { en: ['latest', 'news', 'recent'], fr: ['derniers', 'dernier', 'nouveautes', 'recents'] },
  lang: { en: ['lang', 'language'], fr: ['langue'] },
  subscribe: { en: ['subscribe'], fr: ['abonner', 'sabonner', "s'abonner"] },
  unsubscribe: { en: ['unsubscribe'], fr: ['desabonner', 'se-desabonner'] },
  subscriptions: { en: ['subscriptions', 'subscription'], fr: ['abonnements', 'abonnement'] },
  sources: { en: ['sources', 'feeds'], fr: ['flux'] },
} as const satisfies Record<string, { en: readonly string[]; fr: readonly string[] }>;

export type CommandWord = keyof typeof COMMAND_WORDS;

/** The verbs after `sources`; nothing after it lists. */
export const SOURCE_VERBS = {
  list: { en: ['list'], fr: ['liste', 'lister'] },
  add: { en: ['add', 'follow'], fr: ['ajouter', 'suivre'] },
  remove: { en: ['remove', 'unfollow'], fr: ['retirer', 'supprimer'] },
  poll: { en: ['poll'], fr: ['relever'] },
} as const satisfies Record<string, { en: readonly string[]; fr: readonly string[] }>;

export type SourceVerb = keyof typeof SOURCE_VERBS;

/** What may follow `lang`. */
export const LANGUAGE_WORDS: Record<Locale, readonly string[]> = {
  en: ['en', 'english', 'anglais'],
  fr: ['fr', 'french', 'francais'],
};

/** A last word that asks for a brief to be posted for everyone instead of shown to the caller only. */
export const PUBLIC_WORDS: readonly string[] = ['public', 'publique', '--public'];

/** Lower case without accents, as the table is written. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

function index<K extends string>(table: Record<K, { en: readonly string[]; fr: readonly string[] }>): Map<string, K> {
  const out = new Map<string, K>();
  for (const [key, words] of Object.entries(table) as [K, { en: readonly string[]; fr: readonly string[] }][])
    for (const w of [...words.en, ...words.fr]) out.set(foldWord(w), key);
  return out;
}

const COMMANDS = index(COMMAND_WORDS);
const VERBS = index(SOURCE_VERBS);
const LANGUAGES = new Map<string, Locale>(
  (Object.entries(LANGUAGE_WORDS) as [Locale, readonly string[]][]).flatMap(([l, ws]) => ws.map((w) => [w, l])),
);

export function commandOf(word: string): CommandWord | undefined {
  return COMMANDS.get(foldWord(word));
}

export function sourceVerbOf(word: string): SourceVerb | undefined {
  return VERBS.get(foldWord(word));
}

export function languageOf(word: string): Locale | undefined {
  return LANGUAGES.get(foldWord(word.trim()));
}

export function isPublicWord(word: string): boolean {
  return PUBLIC_WORDS.includes(foldWord(word));
}

/** Every word of a row, for surfaces that register words up front (CLI aliases). */
export function wordsOf(kind: CommandWord): string[] {
  return [...COMMAND_WORDS[kind].en, ...COMMAND_WORDS[kind].fr];
}
