import type { Actor } from '../../domain/actor';
import { nameTokens } from '../text/tokens';

/**
 * A government body reduced to what identifies it once its name is shortened or reordered:
 * its kind of head noun, its state, and its content words. "ministère chinois de la Sécurité"
 * and "China's Ministry of State Security" both reduce to (ministry, CN, {securite...}).
 */
export interface BodySignature {
  id: string;
  head: HeadClass;
  country?: string;
  /** Folded content words, the state's own names and demonyms left out. */
  content: string[];
}

export type HeadClass = 'ministry' | 'agency' | 'service' | 'council' | 'command';

export const HEADS: ReadonlyMap<string, HeadClass> = new Map([
  ['ministere', 'ministry'],
  ['ministry', 'ministry'],
  ['department', 'ministry'],
  ['departement', 'ministry'],
  ['agence', 'agency'],
  ['agency', 'agency'],
  ['office', 'agency'],
  ['bureau', 'agency'],
  ['service', 'service'],
  ['services', 'service'],
  ['directorate', 'service'],
  ['direction', 'service'],
  ['conseil', 'council'],
  ['council', 'council'],
  ['commandement', 'command'],
  ['command', 'command'],
]);

export const BODY_STOP = new Set([
  'de',
  'la',
  "l'",
  'le',
  'les',
  'du',
  'des',
  "d'",
  'of',
  'the',
  'for',
  'and',
  'et',
  "'s",
  'pour',
  'a',
  'au',
  'aux',
  'on',
  'in',
]);

/** The signature of one of a body's names, when that name has a head noun near its start. */
export function bodySignature(
  actor: Actor,
  name: string,
  countryWords?: ReadonlySet<string>,
): BodySignature | undefined {
  const words = nameTokens(name);
  const at = words.findIndex((w, i) => i < 3 && HEADS.has(w));
  if (at < 0) return undefined;
  const content = words.filter(
    (w, i) => i !== at && !BODY_STOP.has(w) && !(countryWords?.has(w) ?? false) && !(i < at),
  );
  if (content.length === 0) return undefined;
  return { id: actor.id, head: HEADS.get(words[at] as string) as HeadClass, country: actor.country, content };
}
