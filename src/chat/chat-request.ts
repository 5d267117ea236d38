import type { Locale } from '../domain/text';
import type { FeedKind } from '../feeds/feed-source';
import type { SourceVerb } from './command-words';

/** An incident or actor named exactly (a button, a compose-box pick, a resolved name). */
export interface SubjectRef {
  kind: 'incident' | 'actor';
  id: string;
}

/** What a command text asks for, whatever surface it was typed on. */
export type ChatRequest =
  | { kind: 'help' }
  | { kind: 'latest' }
  /** `locale` is absent when the word after `lang` is no language; `given` is what was typed. */
  | { kind: 'lang'; locale?: Locale; given: string }
  | { kind: 'subscribe'; args: string }
  | { kind: 'unsubscribe' }
  | { kind: 'subscriptions' }
  /** `usage`: an unknown verb; `words` are what followed the verb. */
  | { kind: 'sources'; verb: SourceVerb | 'usage'; words: string[]; details?: SourceDetails }
  /** `ref`: the subject was picked exactly (a button); `query` is then only its echo. */
  | { kind: 'lookup'; query: string; public: boolean; ref?: SubjectRef };

/** What `sources add` may say beyond its words, where a surface has fields for it (the terminal's options). */
export interface SourceDetails {
  title?: string;
  language?: 'en' | 'fr';
  kind?: FeedKind;
  id?: string;
}
