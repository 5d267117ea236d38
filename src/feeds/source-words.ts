import { FeedKind } from './feed-source';

export type SourceWords =
  | { ok: true; url: string; language?: 'en' | 'fr'; kind?: FeedKind }
  | { ok: false; problem: 'missing_url' }
  | { ok: false; problem: 'bad_word'; word: string };

/** Reads `sources add <url> [en|fr] [kind]` as typed in a chat, the words after the URL in any order. */
export function parseSourceWords(words: string[]): SourceWords {
  const [url, ...more] = words;
  if (url === undefined) return { ok: false, problem: 'missing_url' };
  let language: 'en' | 'fr' | undefined;
  let kind: FeedKind | undefined;
  for (const w of more) {
    const word = w.toLowerCase();
    const k = FeedKind.safeParse(word);
    if (word === 'en' || word === 'fr') language = word;
    else if (k.success) kind = k.data;
    else return { ok: false, problem: 'bad_word', word: w };
  }
  return { ok: true, url, language, kind };
}
