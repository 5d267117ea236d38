import type { PartialDate } from '../../domain/dates';
import type { DevelopmentType, Stance } from '../../domain/development';
import type { DateMention } from '../dates/resolve';
import type { Mention } from '../entities';
import type { Token } from '../text/tokens';
import { clauses, isFirm, isHedged, isModal, isNegated } from './cues';
import { firstGroup, inside, isPassive, lastGroupBefore, quotedSpans, type Span, subjectLike, withPrep } from './roles';
import type { TriggerHit } from './triggers';

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
  dates: readonly DateMention[];
  /** Whether a mention's id is a government body or state that can have a council of ministers, etc. */
  councilOf?: (id: string) => string | undefined;
}

/** Why a trigger gave no development: kept for the tests and for tuning, never shown to users. */
export interface Dropped {
  type: DevelopmentType;
  at: number;
  why: 'negated' | 'modal' | 'no-target' | 'part-of-act';
}

/** Nouns whose "de"/"of" complement is the author: "condamnations de l'Otan", "sanctions de l'UE". */
const AGENT_OF_NOUN: ReadonlySet<DevelopmentType> = new Set(['condemnation', 'statement', 'policy', 'sanction', 'denial', 'investigation', 'disclosure']);
const DEMONSTRATIVE = new Set(['ces', 'cette', 'ce', 'ses', 'leurs', 'these', 'those', 'such', 'the', 'les', 'its', 'their']);
const MINISTERS = /^(ministres|ministers|chefs|membres|members|dirigeants|leaders)$/;

export function readSentence(input: SentenceInput, dropped: Dropped[] = []): Draft[] {
  const { tokens, mentions, triggers } = input;
  const out: Draft[] = [];
  const quotes = quotedSpans(tokens);
  const dateTokens = input.dates.map((d) => ({ d, at: tokens.findIndex((t) => t.start >= d.index) })).filter((x) => x.at >= 0);

  for (const [cs, ce] of clauses(tokens)) {
    const hits = triggers.filter((h) => h.start >= cs && h.start < ce);
    if (hits.length === 0) continue;
    const main = hits.filter((h) => h.spec.type !== 'attack');
    const attacks = hits.filter((h) => h.spec.type === 'attack');
    let zoneStart = cs;
    for (const h of main) {
      const next = hits.find((o) => o.start >= h.end);
      if (isNegated(tokens, h.start, cs)) {
        dropped.push({ type: h.spec.type, at: h.start, why: 'negated' });
        zoneStart = h.end;
        continue;
      }
      if (h.spec.type !== 'attribution' && isModal(tokens, h.start, h.end, cs, ce)) {
        dropped.push({ type: h.spec.type, at: h.start, why: 'modal' });
        zoneStart = h.end;
        continue;
      }
      const draft = roles(input, h, zoneStart, cs, ce, quotes);
      const inAttackNp = attacks.filter((a) => a.start > h.end).map((a) => ({ start: a.start, end: hits.find((o) => o.start > a.start)?.start ?? ce }));
      draft.date = pickDate(dateTokens, h, cs, ce, inAttackNp);
      if (draft.type === 'attribution') {
        draft.stance = h.spec.hedged || (isHedged(tokens, cs, ce) && !isFirm(tokens, cs, ce)) || draft.by.length === 0 ? 'suspected' : 'attributed';
      } else if (draft.type === 'denial') {
        draft.stance = 'denied';
      }
      if (draft.type === 'attribution' && draft.against.length === 0) {
        const before = tokens[h.start - 1];
        const before2 = tokens[h.start - 2];
        if ((before && DEMONSTRATIVE.has(before.norm)) || (before2 && DEMONSTRATIVE.has(before2.norm))) draft.inheritsAgainst = true;
        else {
          dropped.push({ type: h.spec.type, at: h.start, why: 'no-target' });
          zoneStart = h.end;
          continue;
        }
      }
      if (input.councilOf) draft.by = draft.by.map((id) => councilIfMinisters(tokens, mentions, id, h.start, input.councilOf as (id: string) => string | undefined));
      if (input.councilOf) draft.against = draft.against.map((id) => councilIfMinisters(tokens, mentions, id, tokens.length, input.councilOf as (id: string) => string | undefined));
      out.push(draft);
      zoneStart = next ? Math.max(h.end, Math.min(next.start, h.end)) : h.end;
    }
    // An attack named inside a diplomatic act ("accusent la Chine d'avoir mené des cyberattaques") is
    // the act's object, not news of its own, unless the text dates it ("les attaques ... en mars dernier").
    for (const a of attacks) {
      if (isNegated(tokens, a.start, cs) || isModal(tokens, a.start, a.end, cs, ce)) {
        dropped.push({ type: 'attack', at: a.start, why: isNegated(tokens, a.start, cs) ? 'negated' : 'modal' });
        continue;
      }
      const npEnd = hits.find((o) => o.start > a.start && o.spec.type !== 'attack')?.start ?? ce;
      const own = dateTokens.find((x) => x.at >= a.end && x.at < npEnd);
      if (main.length > 0 && !own) {
        dropped.push({ type: 'attack', at: a.start, why: 'part-of-act' });
        continue;
      }
      const draft = roles(input, a, cs, cs, ce, quotes);
      if (input.councilOf) draft.against = draft.against.map((id) => councilIfMinisters(tokens, mentions, id, tokens.length, input.councilOf as (id: string) => string | undefined));
      draft.date = own?.d.date ?? (main.length === 0 ? pickDate(dateTokens, a, cs, ce, []) : undefined);
      if (main.length > 0) {
        draft.by = [];
        draft.against = withPrep(mentions, a.end, npEnd, ['contre']).map((m) => m.id);
      }
      out.push(draft);
    }
  }
  return mergeSame(out);
}

function roles(input: SentenceInput, h: TriggerHit, zoneStart: number, cs: number, ce: number, quotes: Span[]): Draft {
  const { tokens, mentions } = input;
  const spec = h.spec;
  const draft: Draft = { type: spec.type, by: [], against: [], trigger: { start: h.start, end: h.end }, clause: { start: cs, end: ce } };
  const ids = (ms: Mention[]) => [...new Set(ms.map((m) => m.id))];
  const passive = !spec.noun && isPassive(tokens, h.start);
  const isAttack = spec.type === 'attack';
  const subjects = (from: number) => {
    const group = lastGroupBefore(tokens, mentions, from, h.start, (m) => subjectLike(m, tokens, isAttack && m.role === 'affiliation' ? qualifiesThreat(tokens, m) : false));
    if (group.length > 0) return group;
    // The subject before an insertion: "Moscou, mis en cause pour ..., a toujours démenti".
    return lastGroupBefore(tokens, mentions, cs, h.start, (m) => m.role === 'actor' && (m.prep === undefined || m.prep === 'selon'));
  };
  const objects = (from: number, preps: (string | undefined)[] = [undefined, 'de', 'contre', 'a']) =>
    firstGroup(
      tokens,
      mentions,
      from,
      ce,
      (m) => m.role !== 'nationality' && preps.includes(m.prep) && !afterAttackNoun(input, h, m),
      (m) => m.role !== 'nationality',
    );
  const agents = (from: number) => firstGroup(tokens, mentions, from, ce, (m) => m.prep === 'par' && m.role !== 'nationality', (m) => m.role !== 'nationality');
  const selon = withPrep(mentions, 0, tokens.length, ['selon']);

  if (isAttack && spec.frame === 'act') {
    // An attack's victim: "piratage du Bundestag", "attaques contre l'Ukraine", "hacked the DNC", "en France".
    const window = Math.min(ce, h.end + 14);
    const preps: (string | undefined)[] = spec.noun ? ['contre', 'de', 'a', 'loc'] : [undefined, 'contre', 'de', 'a', 'loc'];
    if (passive) {
      draft.against = ids(lastGroupBefore(tokens, mentions, cs, h.start, (m) => m.role !== 'nationality' && m.prep !== 'par' && m.prep !== 'selon'));
      draft.by = ids(agents(h.end));
    } else {
      draft.by = ids(lastGroupBefore(tokens, mentions, zoneStart, h.start, (m) => m.role !== 'nationality' && (m.prep === undefined || (m.role === 'affiliation' && qualifiesThreat(tokens, m)))).filter((m) => m.role === 'actor' || qualifiesThreat(tokens, m)));
      draft.against = ids(firstGroup(tokens, mentions, h.end, window, (m) => m.role !== 'nationality' && preps.includes(m.prep), (m) => m.role !== 'nationality'));
      if (draft.against.length === 0) {
        // Further on, only what a preposition or a demonym ties to the damage: "... de plusieurs hôpitaux britanniques".
        draft.against = ids(firstGroup(tokens, mentions, window, ce, (m) => m.role === 'affiliation' || (m.role === 'actor' && ['contre', 'de', 'a', 'loc'].includes(m.prep ?? '')), (m) => m.role !== 'nationality'));
      }
    }
    const places = withPrep(mentions, cs, ce, ['loc']).filter((m) => m.role === 'actor' && !draft.by.includes(m.id));
    draft.against = [...new Set([...draft.against, ...places.map((m) => m.id)])].filter((id) => !draft.by.includes(id));
    return draft;
  }
  switch (spec.frame) {
    case 'accuse':
    case 'act': {
      if (passive) {
        draft.against = ids(subjects(zoneStart));
        draft.by = ids(agents(h.end));
      } else {
        let by = subjects(zoneStart);
        let against = objects(h.end);
        if (spec.noun) {
          const right = firstGroup(tokens, mentions, h.end, ce, (m) => (m.prep === 'de' || m.prep === 'par') && m.start - h.end <= 3 && m.role === 'actor');
          const target = firstGroup(tokens, mentions, h.end, ce, (m) => m.prep === 'contre' && m.role !== 'nationality');
          if (right.length > 0 && (AGENT_OF_NOUN.has(spec.type) || target.length > 0 || right.every((m) => m.prep === 'par'))) {
            by = right;
            against = target;
          }
        }
        draft.by = ids(by);
        draft.against = ids(against);
      }
      if (spec.type === 'inquiry' && draft.by.length === 0) draft.inheritsBy = true;
      break;
    }
    case 'attribute': {
      const to = firstGroup(tokens, mentions, h.end, ce, (m) => (m.prep === 'a' || m.prep === 'avec') && m.role !== 'nationality', (m) => m.role !== 'nationality');
      draft.against = ids(to.length > 0 ? to : objects(h.end, [undefined, 'de']));
      draft.by = ids(passive ? agents(h.end) : subjects(zoneStart));
      if (draft.by.length === 0) draft.by = ids(selon);
      break;
    }
    case 'responsible': {
      const blamed = lastGroupBefore(tokens, mentions, cs, h.start, (m) => m.role !== 'nationality' && m.prep !== 'selon' && m.prep !== 'par' && m.prep !== 'loc');
      const linked = withPrep(mentions, h.end, Math.min(ce, h.end + 12), ['avec']);
      draft.against = ids([...blamed, ...linked]);
      draft.by = ids([...selon, ...agents(h.end)]);
      break;
    }
    case 'agent': {
      const doers = agents(h.start);
      if (spec.type === 'attribution') {
        draft.against = ids(doers);
        draft.by = ids(selon);
      } else {
        draft.by = ids(doers);
        draft.against = ids(withPrep(mentions, cs, ce, ['contre']));
      }
      break;
    }
    case 'deny': {
      draft.by = ids(subjects(zoneStart));
      break;
    }
    case 'declare': {
      let by = passive ? agents(h.end) : subjects(zoneStart);
      if (by.length === 0 && spec.noun) by = firstGroup(tokens, mentions, h.end, ce, (m) => (m.prep === 'de' || m.prep === 'par') && m.role === 'actor' && m.start - h.end <= 3);
      // "Dans un communiqué, le département d'État précise": the author comes after the opening phrase.
      if (by.length === 0 && spec.noun && h.start - cs <= 4) {
        const comma = tokens.findIndex((t, k) => k >= h.end && t.text === ',');
        if (comma >= 0 && comma - h.end <= 4) by = firstGroup(tokens, mentions, comma + 1, ce, (m) => m.role === 'actor' && m.prep === undefined && m.start - comma <= 4);
      }
      draft.by = ids(by);
      draft.against = ids(firstGroup(tokens, mentions, h.end, ce, (m) => m.prep === 'contre' && m.role !== 'nationality'));
      break;
    }
    case 'victim': {
      draft.against = ids(subjects(zoneStart).length > 0 ? subjects(zoneStart) : lastGroupBefore(tokens, mentions, cs, h.start, () => true));
      break;
    }
  }
  // A quotation's words belong to whoever is named after it: "« Nous condamnons ... », a déclaré le ministre".
  const quote = inside(quotes, h.start);
  if (draft.by.length === 0 && quote && spec.type !== 'attack') {
    draft.by = ids(mentions.filter((m) => !m.incident && m.start >= quote.end && m.role === 'actor' && (m.prep === undefined || m.prep === 'par')).slice(0, 3));
    if (draft.by.length > 0) draft.inheritsBy = false;
  }
  draft.against = draft.against.filter((id) => !draft.by.includes(id));
  return draft;
}

/** Nouns for those who attack: a demonym on them points at the state behind ("pirates chinois", "Russian hackers"). */
const THREAT_NOUNS = /^(pirates?|hackers?|groupes?|groups?|espions?|spies|agents?|acteurs?|actors?|cybercriminels?|cybercriminals?|attaquants?|attackers?|unites?|units?|militaires?|military|officiers?|officers?|operatives?|services?|criminals?|gang|gangs)$/;
function qualifiesThreat(tokens: readonly Token[], m: Mention): boolean {
  const around = [tokens[m.start - 1], tokens[m.start - 2], tokens[m.end], tokens[m.end + 1]];
  return around.some((t) => t?.word === true && THREAT_NOUNS.test(t.norm));
}

/** "condamne les cyberattaques contre l'Ukraine": a party after an attack noun is its victim, not the target of the act. */
function afterAttackNoun(input: SentenceInput, h: TriggerHit, m: Mention): boolean {
  if (m.prep !== 'contre' || h.spec.type === 'sanction') return false;
  return input.triggers.some((t) => t.spec.type === 'attack' && t.start >= h.end && t.end <= m.start);
}

/** The date written nearest the trigger, leaving out those inside an attack's description. */
function pickDate(dates: { d: DateMention; at: number }[], h: TriggerHit, cs: number, ce: number, attackNps: Span[]): PartialDate | undefined {
  let best: { d: DateMention; dist: number } | undefined;
  for (const x of dates) {
    if (x.at < cs || x.at >= ce) continue;
    if (attackNps.some((s) => x.at >= s.start && x.at < s.end)) continue;
    const dist = x.at < h.start ? h.start - x.at : x.at - h.end;
    if (!best || dist < best.dist) best = { d: x.d, dist };
  }
  return best?.d.date;
}

/** "les chefs de la diplomatie des États membres de l'UE", "EU foreign ministers": the Union's council acted. */
function councilIfMinisters(tokens: readonly Token[], mentions: readonly Mention[], id: string, at: number, councilOf: (id: string) => string | undefined): string {
  const m = mentions.find((x) => x.id === id && x.start < at);
  if (!m) return id;
  const from = Math.max(0, m.start - 8);
  const to = Math.min(tokens.length, m.end + 3);
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.word && MINISTERS.test(t.norm)) return councilOf(id) ?? id;
  }
  return id;
}

/** Two triggers of one act in one clause ("soupçonné ... responsable") are one development. */
function mergeSame(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const twin = out.find((o) => o.type === d.type && o.clause.start === d.clause.start && sameSet(o.by, d.by) && (o.date === d.date || !o.date || !d.date));
    if (twin) {
      twin.against = [...new Set([...twin.against, ...d.against])];
      twin.date = twin.date ?? d.date;
      if (d.stance === 'attributed' && twin.stance === 'suspected' && d.by.length > 0) twin.stance = 'attributed';
      twin.inheritsAgainst = (twin.inheritsAgainst ?? false) && (d.inheritsAgainst ?? false) ? true : twin.against.length === 0 && (twin.inheritsAgainst || d.inheritsAgainst) ? true : undefined;
      continue;
    }
    out.push(d);
  }
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
