import type { DateMention } from '../dates/resolve';
import type { Mention } from '../entities';
import type { Token } from '../text/tokens';
import { clauses, generic, isFirm, isHedged, isModal, isNegated, isThreatNoun, targetedPeople } from './cues';
import { attackDateOk, pickDate } from './draft-dates';
import { partiesOf } from './parties';
import type { TriggerHit } from './triggers';
import type { Draft, Dropped, Parties, SentenceInput } from './types';

export type { Draft, Dropped, SentenceInput } from './types';

const DEMONSTRATIVE = new Set([
  'ces',
  'cette',
  'ce',
  'ses',
  'leurs',
  'these',
  'those',
  'such',
  'the',
  'les',
  'its',
  'their',
]);
const MINISTERS = /^(ministres|ministers|chefs|membres|members|dirigeants|leaders)$/;
const PRONOUN = /^(ils|elles|il|elle|they|it|he|she|we|nous)$/;

export function readSentence(input: SentenceInput, dropped: Dropped[] = []): Draft[] {
  const { tokens, triggers } = input;
  const out: Draft[] = [];
  const parties = partiesOf(input);
  const byClause = new Map<number, { d: DateMention; at: number }[]>();
  const datesOf = (cs: number, ce: number) => {
    let found = byClause.get(cs);
    if (!found) {
      const from = (tokens[cs] as Token).start;
      const to = (tokens[ce - 1] as Token).end;
      const list = typeof input.dates === 'function' ? input.dates(from, to) : input.dates;
      found = list
        .map((d) => ({ d, at: tokens.findIndex((t) => t.start >= d.index) }))
        .filter((x) => x.at >= cs && x.at < ce);
      byClause.set(cs, found);
    }
    return found;
  };

  for (const [cs, ce] of clauses(tokens)) {
    const hits = triggers.filter((h) => h.start >= cs && h.start < ce);
    if (hits.length === 0) continue;
    // "rejected the accusations", "a qualifié ces accusations de mensongères": accusations a denial answers are not a new attribution.
    const denies = hits.some((h) => h.spec.type === 'denial');
    const main = hits.filter(
      (h) => h.spec.type !== 'attack' && !(denies && h.spec.type === 'attribution' && h.spec.noun),
    );
    const attacks = hits.filter((h) => h.spec.type === 'attack' && !targetedPeople(tokens, h) && !generic(tokens, h));
    let zoneStart = cs;
    main.forEach((h, i) => {
      const limit = main[i + 1]?.start ?? ce;
      const skip = isNegated(tokens, h.start, cs)
        ? 'negated'
        : h.spec.type !== 'attribution' && isModal(tokens, h.start, h.end, cs, ce)
          ? 'modal'
          : undefined;
      if (skip) {
        dropped.push({ type: h.spec.type, at: h.start, end: h.end, why: skip });
        zoneStart = h.end;
        return;
      }
      const draft = roles(parties, h, { zoneStart, cs, ce, limit });
      // "seven Chinese hackers accused of working for the MSS": the ones accused are the noun before, the accuser the clause's subject.
      if (h.spec.frame === 'accuse' && !h.spec.noun && isThreatNoun(tokens[h.start - 1])) {
        draft.against = [...new Set([...parties.blamed(zoneStart, h.start, false).map((m) => m.id), ...draft.against])];
        draft.by = parties
          .subjects(cs, h.start, cs)
          .map((m) => m.id)
          .filter((id) => !draft.against.includes(id));
      }
      if (draft.type === 'attribution') {
        draft.stance =
          h.spec.hedged || (isHedged(tokens, cs, ce) && !isFirm(tokens, cs, ce)) || draft.by.length === 0
            ? 'suspected'
            : 'attributed';
        if (draft.against.length === 0) {
          const before = [tokens[h.start - 1], tokens[h.start - 2]];
          if (before.some((t) => t && DEMONSTRATIVE.has(t.norm))) draft.inheritsAgainst = true;
          else {
            dropped.push({ type: h.spec.type, at: h.start, end: h.end, why: 'no-target' });
            zoneStart = h.end;
            return;
          }
        }
      } else if (draft.type === 'denial') {
        draft.stance = 'denied';
      }
      // "qu'ils attribuent": a pronoun subject is the author of the act just before it.
      if (
        draft.by.length === 0 &&
        out.length > 0 &&
        [tokens[h.start - 1], tokens[h.start - 2]].some((t) => t?.word && PRONOUN.test(t.norm))
      ) {
        draft.by = [...(out[out.length - 1] as Draft).by];
        draft.inheritsBy = undefined;
        if (
          draft.type === 'attribution' &&
          draft.by.length > 0 &&
          draft.stance === 'suspected' &&
          !h.spec.hedged &&
          !isHedged(tokens, cs, ce)
        )
          draft.stance = 'attributed';
      }
      if (input.councilOf) {
        const councilOf = input.councilOf;
        draft.by = draft.by.map((id) => councilIfMinisters(tokens, parties.mentions, id, h.start, councilOf));
        draft.against = draft.against.map((id) =>
          councilIfMinisters(tokens, parties.mentions, id, tokens.length, councilOf),
        );
      }
      // Reading dates is the dearest step: only for a development that can stand (an act needs its author).
      if (draft.by.length > 0 || draft.inheritsBy || draft.type === 'attribution') {
        const attackNps = attacks
          .filter((a) => a.start > h.end)
          .map((a) => ({ start: a.start, end: hits.find((o) => o.start > a.start)?.start ?? ce }));
        draft.date = pickDate(datesOf(cs, ce), h, cs, ce, attackNps, tokens);
      }
      out.push(draft);
      zoneStart = h.end;
    });
    // An attack named inside a diplomatic act ("accusent la Chine d'avoir mené des cyberattaques") is
    // the act's object, not news of its own, unless the text dates it ("les attaques ... en mars dernier").
    for (const a of attacks) {
      const negated = isNegated(tokens, a.start, cs);
      if (negated || isModal(tokens, a.start, a.end, cs, ce, true)) {
        dropped.push({ type: 'attack', at: a.start, end: a.end, why: negated ? 'negated' : 'modal' });
        continue;
      }
      const npEnd = hits.find((o) => o.start > a.start && o.spec.type !== 'attack')?.start ?? ce;
      const inside = main.some((m) => m.start < a.start);
      const own = main.length > 0 ? datesOf(cs, ce).find((x) => x.at >= a.end && x.at < npEnd) : undefined;
      const prevMain = main.filter((m) => m.start < a.start).pop();
      const draft = parties.attack(a, { cs, ce, npEnd, within: inside ? (prevMain as TriggerHit).end : undefined });
      // Inside an act, an attack is news of its own only when the text dates it or, told by a verb, names
      // what it hit, other than the act's own target ("dénonce un comportement perturbateur de la Chine").
      const actParties = new Set(out.filter((d) => d.clause.start === cs).flatMap((d) => [...d.by, ...d.against]));
      if (
        main.length > 0 &&
        !own &&
        (a.spec.noun || draft.against.length === 0 || draft.against.some((id) => actParties.has(id)))
      ) {
        dropped.push({ type: 'attack', at: a.start, end: a.end, why: 'part-of-act' });
        continue;
      }
      draft.date =
        own?.d.date ??
        (main.length === 0
          ? pickDate(
              datesOf(cs, ce).filter((x) => attackDateOk(tokens, x.at, a)),
              a,
              cs,
              ce,
              [],
            )
          : undefined);
      if (input.councilOf) {
        const councilOf = input.councilOf;
        draft.against = draft.against.map((id) =>
          councilIfMinisters(tokens, parties.mentions, id, tokens.length, councilOf),
        );
      }
      out.push(draft);
    }
  }
  return mergeSame(dropSubsumed(out));
}

function roles(p: Parties, h: TriggerHit, z: { zoneStart: number; cs: number; ce: number; limit: number }): Draft {
  const spec = h.spec;
  const draft: Draft = {
    type: spec.type,
    by: [],
    against: [],
    trigger: { start: h.start, end: h.end },
    clause: { start: z.cs, end: z.ce },
  };
  const ids = (ms: Mention[]) => [...new Set(ms.map((m) => m.id))];
  const passive = !spec.noun && p.isPassive(h.start);
  switch (spec.frame) {
    case 'accuse':
    case 'act': {
      const affiliationOk = spec.type !== 'inquiry' && spec.type !== 'statement';
      if (passive) {
        draft.against = ids(p.subjects(z.zoneStart, h.start, z.cs, true));
        draft.by = ids(p.agents(h.end, z.limit));
      } else {
        let by = p.subjects(z.zoneStart, h.start, z.cs);
        let against = [...p.objects(h.head, z.limit, affiliationOk), ...p.linked(h.end, z.limit)];
        if (spec.noun) {
          const right = p.nounAgents(h, z.limit);
          const target = p.targets(h.end, z.limit);
          if (
            right.length > 0 &&
            (p.agentOfNoun(spec.type) || target.length > 0 || right.every((m) => m.prep === 'par'))
          ) {
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
      const to = p.toParties(h.end, z.limit);
      draft.against = ids(to.length > 0 ? [...to, ...p.linked(h.end, z.limit)] : p.objects(h.end, z.limit, true));
      draft.by = ids(passive ? p.agents(h.end, z.limit) : p.subjects(z.zoneStart, h.start, z.cs));
      if (draft.by.length === 0) draft.by = ids([...p.speakers(z.cs, h.start), ...p.selon()]);
      break;
    }
    case 'responsible': {
      const blamed = p.blamed(z.cs, h.start, spec.pattern.includes('sponsored'));
      draft.against = ids([...blamed, ...p.after(h.end, z.limit)]);
      draft.by = ids([...p.selon(), ...p.agents(h.end, z.limit), ...p.speakers(z.cs, h.start)]);
      break;
    }
    case 'agent': {
      const doers = p.agents(h.end - 1, z.limit);
      draft.against = ids(doers);
      draft.by = ids([...p.selon(), ...p.speakers(z.cs, h.start)]);
      break;
    }
    case 'deny': {
      draft.by = ids(p.subjects(z.zoneStart, h.start, z.cs));
      break;
    }
    case 'declare': {
      let by = passive ? p.agents(h.end, z.limit) : p.subjects(z.zoneStart, h.start, z.cs);
      if (by.length === 0 && spec.noun) by = p.nounAgents(h, z.limit);
      // "Dans un communiqué, le département d'État précise": the author comes after the opening phrase.
      if (by.length === 0 && spec.noun && h.start - z.cs <= 4) by = p.afterOpening(h.end, z.limit);
      draft.by = ids(by);
      draft.against = ids(p.targets(h.end, z.limit));
      break;
    }
    case 'victim': {
      const victims = p.subjects(z.zoneStart, h.start, z.cs, true);
      draft.against = ids(victims);
      break;
    }
  }
  if (
    draft.by.length === 0 &&
    spec.type !== 'attack' &&
    spec.frame !== 'responsible' &&
    spec.frame !== 'agent' &&
    !passive
  ) {
    const antecedent = p.relativeAntecedent(h.start);
    if (antecedent.length > 0) {
      draft.by = ids(antecedent);
      draft.inheritsBy = undefined;
    }
  }
  if (draft.by.length === 0 && spec.type !== 'attack') {
    const quoted = p.quotedSpeaker(h.start);
    if (quoted.length > 0) {
      draft.by = ids(quoted);
      draft.inheritsBy = undefined;
    }
  }
  const implied = new Set(p.mentions.filter((m) => m.implied).map((m) => m.id));
  const named = new Set(p.mentions.filter((m) => !m.implied).map((m) => m.id));
  draft.by = draft.by.filter((id) => !implied.has(id) || named.has(id));
  draft.against = draft.against.filter((id) => !draft.by.includes(id));
  return draft;
}

/** "les chefs de la diplomatie des États membres de l'UE", "EU foreign ministers": the Union's council acted. */
function councilIfMinisters(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  id: string,
  at: number,
  councilOf: (id: string) => string | undefined,
): string {
  const m = mentions.find((x) => x.id === id && x.start < at);
  if (!m) return id;
  for (let k = Math.max(0, m.start - 8); k < Math.min(tokens.length, m.end + 3); k++) {
    const t = tokens[k] as Token;
    if (t.word && MINISTERS.test(t.norm)) return councilOf(id) ?? id;
  }
  return id;
}

/** An attribution with no author whose targets another one of the sentence already names says nothing more. */
function dropSubsumed(drafts: Draft[]): Draft[] {
  return drafts.filter(
    (d) =>
      !(
        d.type === 'attribution' &&
        d.by.length === 0 &&
        !d.inheritsAgainst &&
        drafts.some(
          (o) =>
            o !== d &&
            o.type === 'attribution' &&
            o.by.length > 0 &&
            d.against.every((a) => o.against.includes(a) || o.by.includes(a)),
        )
      ),
  );
}

/** Two triggers of one act in one clause ("soupçonné ... responsable") are one development. */
function mergeSame(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const twin = out.find(
      (o) =>
        o.type === d.type &&
        o.clause.start === d.clause.start &&
        sameSet(o.by, d.by) &&
        (o.date === d.date || !o.date || !d.date),
    );
    if (twin) {
      twin.against = [...new Set([...twin.against, ...d.against])];
      twin.date = twin.date ?? d.date;
      if (d.stance === 'attributed' && twin.stance === 'suspected' && d.by.length > 0) twin.stance = 'attributed';
      twin.inheritsAgainst =
        twin.against.length === 0 && (twin.inheritsAgainst || d.inheritsAgainst) ? true : undefined;
      continue;
    }
    out.push(d);
  }
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
