import type { PartialDate } from '../../domain/dates';
import type { DevelopmentType, Stance } from '../../domain/development';
import type { DateMention } from '../dates/resolve';
import type { Mention } from '../entities';
import type { Token } from '../text/tokens';
import type { TriggerHit } from './triggers';

/** The shapes the sentence reader, the party finder and the date picker share (kept apart so none imports another's types). */

/** A range of token positions. */
export interface Span {
  start: number;
  end: number;
}

/** One development read from one sentence, before it is dated against the article and linked. */
export interface Draft {
  type: DevelopmentType;
  stance?: Stance;
  by: string[];
  against: string[];
  /** A date the sentence gives for this act, if any. */
  date?: PartialDate;
  trigger: Span;
  clause: Span;
  /** "ces accusations", "these charges": the target is the one of the previous attribution. */
  inheritsAgainst?: boolean;
  /** Nobody named as its author ("Josep Borrell est invité à expliquer"): the last speaker is. */
  inheritsBy?: boolean;
}

export interface SentenceInput {
  tokens: readonly Token[];
  mentions: readonly Mention[];
  triggers: readonly TriggerHit[];
  /** Dates the sentence names between two character offsets; asked only for clauses that report something. */
  dates: readonly DateMention[] | ((from: number, to: number) => readonly DateMention[]);
  /** The council of ministers of an organisation, if the knowledge base has one. */
  councilOf?: (id: string) => string | undefined;
  /** Kind of an actor id, so roles can tell groups and government bodies from states. */
  kindOf?: (id: string) => { kind: string; country?: string } | undefined;
}

/** Why a trigger gave no development: kept for the tests and for tuning, never shown to users. */
export interface Dropped {
  type: DevelopmentType;
  at: number;
  end: number;
  why: 'negated' | 'modal' | 'no-target' | 'part-of-act';
}

/** Who does what to whom around a trigger; built by partiesOf. */
export interface Parties {
  mentions: readonly Mention[];
  isPassive(at: number): boolean;
  subjects(zoneStart: number, at: number, cs: number, allowAffiliation?: boolean): Mention[];
  objects(from: number, to: number, allowAffiliation: boolean): Mention[];
  linked(from: number, to: number): Mention[];
  targets(from: number, to: number): Mention[];
  toParties(from: number, to: number): Mention[];
  nounAgents(h: TriggerHit, to: number): Mention[];
  agentOfNoun(type: DevelopmentType): boolean;
  agents(from: number, to: number): Mention[];
  speakers(cs: number, at: number): Mention[];
  selon(): Mention[];
  blamed(cs: number, at: number, adjacent: boolean): Mention[];
  after(from: number, to: number): Mention[];
  afterOpening(from: number, to: number): Mention[];
  quotedSpeaker(at: number): Mention[];
  relativeAntecedent(at: number): Mention[];
  attack(a: TriggerHit, z: { cs: number; ce: number; npEnd: number; within?: number }): Draft;
}
