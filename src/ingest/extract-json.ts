import type { ActorRef } from '../domain/actor';
import type { Locale } from '../domain/text';
import type { Extraction } from './extract';
import type { Lexicon } from './lexicon/lexicon';

/** The JSON contract of `cyberbrief extract --json` (see DESIGN.md). */
export interface ExtractJson {
  language: string;
  published: string;
  incidents: { id: string; name: string; match: 'existing' | 'new' }[];
  actors: ActorRef[];
  developments: {
    type: string;
    date: string;
    by: string[];
    against: string[];
    incidents: string[];
    evidence: string;
  }[];
}

export function extractionJson(x: Extraction, lex: Lexicon, locale?: Locale): ExtractJson {
  const loc: Locale = locale ?? (x.language === 'fr' ? 'fr' : 'en');
  return {
    language: x.language,
    published: x.published,
    incidents: x.incidents.map((i) => ({ id: i.id, name: i.name[loc], match: i.match })),
    actors: x.actors.map((id) => {
      const a = lex.actors.get(id);
      return { id, kind: a?.kind ?? 'organisation', name: a?.name[loc] ?? id };
    }),
    // Developments tied to no incident come last, with an empty `incidents`: read, counted, not stored.
    developments: [...x.developments, ...x.unlinked].map((d) => ({
      type: d.type,
      date: d.date,
      by: d.by,
      against: d.against,
      incidents: d.incidents,
      evidence: d.evidence,
    })),
  };
}
