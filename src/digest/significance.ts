import type { ActorKind } from '../domain/actor';
import type { DevelopmentType, Stance } from '../domain/development';

/**
 * How much a development type weighs before who did it and how many outlets told it. Acts by
 * states with consequences (sanctions, formal attributions, indictments, expulsions) weigh most;
 * words (statements, inquiries) least.
 */
const BASE: Record<DevelopmentType, number> = {
  sanction: 0.82,
  attribution: 0.75,
  indictment: 0.7,
  expulsion: 0.65,
  attack: 0.6,
  summons: 0.55,
  disclosure: 0.5,
  condemnation: 0.5,
  denial: 0.4,
  policy: 0.4,
  investigation: 0.35,
  inquiry: 0.3,
  statement: 0.25,
};

/** A suspicion is news, but less than a formal, public attribution. */
const SUSPECTED_PENALTY = 0.2;
/** Acts of states weigh more than the same act by a company or a research team. */
const BY_KIND_BONUS: Record<ActorKind, number> = { state: 0.15, organisation: 0.1, person: 0.03, group: 0 };
/** Each further outlet adds confidence, up to three. */
const PER_EXTRA_SOURCE = 0.05;
const MAX_EXTRA_SOURCES = 2;

export interface SignificanceInput {
  type: DevelopmentType;
  stance?: Stance;
  /** Kinds of the actors in `by` (unknown actors left out). */
  byKinds: readonly ActorKind[];
  sourceCount: number;
}

/** A score in [0, 1]; pure, so the same development ranks the same in every digest and replica. */
export function significance(d: SignificanceInput): number {
  let score = BASE[d.type];
  if (d.type === 'attribution' && d.stance === 'suspected') score -= SUSPECTED_PENALTY;
  let bonus = 0;
  for (const kind of d.byKinds) bonus = Math.max(bonus, BY_KIND_BONUS[kind]);
  score += bonus;
  score += PER_EXTRA_SOURCE * Math.min(Math.max(d.sourceCount - 1, 0), MAX_EXTRA_SOURCES);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
