import type { Actor } from '../domain/actor';
import type { Incident } from '../domain/incident';
import { normalize } from '../text/normalize';
import { LEXICON, type Lexicon } from './relevance-lexicon';

export type Feature = keyof Lexicon | 'known';

export interface RelevanceVerdict {
  relevant: boolean;
  score: number;
  /** Feature values after capping, so a reader can see why. */
  features: Record<Feature, number>;
  /** The terms that matched, for logs and for tuning. */
  matched: string[];
}

/**
 * A linear score over counted features, weights set by hand so anyone can read why an item was
 * kept: cyber operations and the actors behind them push up, the diplomatic/legal answer pushes
 * up more when it comes with a cyber signal, product and patch news and other topics push down.
 * Nothing is kept without at least one cyber signal (operation, actor, or a known incident or
 * group from the knowledge base): an expulsion over a spy ring with no cyber angle is not ours.
 */
export const WEIGHTS: Record<Feature | 'bias' | 'cyberAndResponse', number> = {
  bias: -1.5,
  operation: 0.9,
  actor: 0.9,
  known: 1.2,
  response: 0.6,
  institution: 0.3,
  technical: -0.5,
  offTopic: -0.8,
  cyberAndResponse: 1,
};

const CAPS: Record<Feature, number> = {
  operation: 5,
  actor: 3,
  known: 3,
  response: 5,
  institution: 4,
  technical: 4,
  offTopic: 4,
};

/** Only the lead is scored: news puts its subject first, and a long piece's passing mention should not count. */
const LEAD_CHARS = 2000;

export interface RelevanceInput {
  title: string;
  text: string;
}

interface Matcher {
  feature: Feature;
  /** Matched on normalized text. */
  folded?: RegExp;
  /** Matched on the original text, case-sensitively (all-capital aliases such as ZINC). */
  exact?: RegExp;
}

export class RelevanceModel {
  private readonly matchers: Matcher[];

  constructor(lexicon: Lexicon = LEXICON, known: string[] = []) {
    this.matchers = (Object.keys(lexicon) as (keyof Lexicon)[]).map((feature) => ({
      feature,
      folded: termsRegex(lexicon[feature]),
    }));
    const upper = known.filter((k) => /^[A-Z0-9]+$/.test(k) && /[A-Z]/.test(k));
    const others = known.filter((k) => !upper.includes(k)).map((k) => fold(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.matchers.push({
      feature: 'known',
      folded: others.length
        ? new RegExp(`\\b(?:${others.sort((a, b) => b.length - a.length).join('|')})\\b`, 'g')
        : undefined,
      exact: upper.length ? new RegExp(`\\b(?:${upper.join('|')})\\b`, 'g') : undefined,
    });
  }

  /**
   * Incident names and aliases and threat-group names and aliases from the knowledge base: a
   * named operation or group is the strongest sign an item is ours. Short or common one-word
   * aliases are left out so that ordinary prose does not match them.
   */
  static fromKnowledgeBase(kb: { actors: Iterable<Actor>; incidents: Iterable<Incident> }): RelevanceModel {
    const terms = new Set<string>();
    const add = (t: string) => {
      const words = t.trim().split(/\s+/);
      if (words.length === 1 && t.length < 5 && !/\d/.test(t)) return;
      terms.add(t.trim());
    };
    for (const i of kb.incidents) for (const t of [i.name.en, i.name.fr, ...i.aliases]) add(t);
    for (const a of kb.actors) if (a.kind === 'group') for (const t of [a.name.en, a.name.fr, ...a.aliases]) add(t);
    return new RelevanceModel(LEXICON, [...terms]);
  }

  classify(input: RelevanceInput): RelevanceVerdict {
    const title = input.title.slice(0, 500);
    const lead = input.text.slice(0, LEAD_CHARS);
    const features = {
      operation: 0,
      actor: 0,
      known: 0,
      response: 0,
      institution: 0,
      technical: 0,
      offTopic: 0,
    } as Record<Feature, number>;
    const matched = new Set<string>();
    const foldedTitle = fold(title);
    const foldedLead = fold(lead);
    for (const m of this.matchers) {
      // A title hit counts twice: it says what the item is about.
      const hits = [
        ...count(m.folded, foldedTitle, matched, 2),
        ...count(m.exact, title, matched, 2),
        ...count(m.folded, foldedLead, matched, 1),
        ...count(m.exact, lead, matched, 1),
      ];
      features[m.feature] = Math.min(
        CAPS[m.feature],
        hits.reduce((a, b) => a + b, 0),
      );
    }
    const cyber = features.operation + features.actor + features.known;
    let score = WEIGHTS.bias;
    for (const f of Object.keys(features) as Feature[]) score += WEIGHTS[f] * features[f];
    if (cyber > 0 && features.response > 0) score += WEIGHTS.cyberAndResponse;
    return { relevant: cyber > 0 && score >= 0, score: Math.round(score * 100) / 100, features, matched: [...matched] };
  }

  /**
   * Whether an item is worth fetching, from its feed title and summary alone. Generous on
   * purpose (the full text decides): an item is skipped only when it has no cyber signal and
   * either reads as another topic, or has a summary long enough to judge with nothing civic in it.
   */
  worthFetching(input: RelevanceInput): boolean {
    const { features } = this.classify(input);
    if (features.operation + features.actor + features.known > 0) return true;
    const civic = features.response + features.institution;
    if (features.offTopic > civic) return false;
    return civic > 0 || input.text.trim().length < MIN_SUMMARY_TO_JUDGE;
  }
}

const MIN_SUMMARY_TO_JUDGE = 120;

/** Normalized, with apostrophes read as spaces so that "l'attaque" has the word "attaque". */
function fold(s: string): string {
  return normalize(s).replace(/'/g, ' ');
}

function count(re: RegExp | undefined, text: string, matched: Set<string>, weight: number): number[] {
  if (!re || text === '') return [];
  const perTerm = new Map<string, number>();
  for (const m of text.matchAll(re)) perTerm.set(m[0], (perTerm.get(m[0]) ?? 0) + 1);
  const out: number[] = [];
  for (const [term, n] of perTerm) {
    matched.add(term);
    // A term repeated adds a little: five "sanctions" are not five features.
    out.push(weight * (1 + Math.min(n - 1, 2) * 0.25));
  }
  return out;
}

function termsRegex(terms: string[]): RegExp {
  const parts = terms.map((t) =>
    t
      .split(' ')
      .map((tok) => {
        if (/[[?]/.test(tok)) return tok;
        if (tok === '*') return '\\w+';
        const star = tok.endsWith('*');
        const word = (star ? tok.slice(0, -1) : tok).replace(/[.+^${}()|\\]/g, '\\$&');
        return star ? `${word}\\w*` : word;
      })
      .join(' '),
  );
  return new RegExp(`\\b(?:${parts.join('|')})\\b`, 'g');
}
