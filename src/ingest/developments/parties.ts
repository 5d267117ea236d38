import type { DevelopmentType } from '../../domain/development';
import type { Mention } from '../entities';
import { GOVERNMENT_NOUNS } from '../entities';
import type { Token } from '../text/tokens';
import type { Draft, Parties, SentenceInput, Span } from './types';

export type { Span } from './types';

/** Words that may sit between two names of one list ("les États-Unis et leurs principaux alliés - l'UE, le Canada"). */
const JOINERS = new Set(
  (
    "et and ou or ainsi que as well de du des d' of the le la les l' a au aux to its their leurs leur ses son sa plus also aussi notamment including dont y compris such comme principaux principales " +
    'allies allied partenaires partners pays countries membres members gouvernement government , - – — ( ) « » " together with connus connu connue sous nom known dubbed called baptise baptisee surnomme nomme alias aka'
  ).split(' '),
);
/** Words that end a list of parties: what follows is the content of the act, not its parties. */
const GROUP_STOP = new Set([
  "d'avoir",
  'avoir',
  'qui',
  "qu'",
  'ou',
  'pour',
  'which',
  'who',
  'that',
  'over',
  'apres',
  'after',
  'because',
  'car',
  'since',
  'depuis',
  'lors',
  'during',
  'when',
  'quand',
  'lorsque',
]);
/** Role nouns whose genitive names a party: "les chefs de la diplomatie des États membres de l'UE". */
const ROLE_NOUNS = new Set([
  ...GOVERNMENT_NOUNS,
  ...'chefs chef membres etats pays allies partenaires signataires representants representant head heads members states countries signatories representatives leaders dirigeants ministres'.split(
    ' ',
  ),
]);
/** Nouns for those who attack: a demonym on them points at the state behind ("pirates chinois", "Russian hackers"). */
const THREAT_NOUNS =
  /^(pirates?|hackers?|groupes?|groups?|espions?|spies|agents?|acteurs?|actors?|cybercriminels?|cybercriminals?|attaquants?|attackers?|unites?|units?|militaires?|military|officiers?|officers?|operatives?|services?|criminals?|gang|gangs|cyberattaques?|cyberattacks?|attaques?|attacks?|operations?|campagnes?|campaigns?)$/;
/** Attack nouns: a party named after one is its victim ("attaque contre l'Ukraine", "cyberattack on Sony"). */
const ATTACK_NOUN =
  /^(cyberattaques?|attaques?|piratages?|intrusions?|cyberattacks?|attacks?|hacks?|hacking|breach(es)?|intrusions?)$/;
const SPEECH =
  /^(said|says|say|told|tells|stated|states|announced|announces|concluded|concludes|confirmed|confirms|believes|believe|assessed|assesses|found|finds|determined|warned|warns|claimed|claims|reported|reports|disclosed|discloses|revealed|reveals|alleged|alleges|dit|disent|affirme|affirment|estime|estiment|assure|assurent|assure|declare|declarent|annonce|annoncent|conclu|conclut|confirme|confirment|indique|indiquent|precise|precisent|juge|jugent|revele|revelent|souligne|soulignent|accuse|accusent)$/;
/** Nouns whose "de"/"of" complement is the author: "condamnations de l'Otan", "sanctions de l'UE". */
const AGENT_OF_NOUN: ReadonlySet<DevelopmentType> = new Set([
  'condemnation',
  'statement',
  'policy',
  'sanction',
  'denial',
  'investigation',
  'disclosure',
]);

/**
 * Who does what to whom around a trigger, from word order and prepositions: no parser, a few
 * rules that hold in news French and English ("X accuse Y de", "attribué à Y par X", "selon X,
 * Y est responsable", "X said Y was behind"), tested on the labelled set in test/fixtures.
 */
export function partiesOf(input: SentenceInput): Parties {
  const { tokens, triggers } = input;
  const mentions = input.mentions.filter((m) => !m.incident);
  // A state a body's name spells out ("German Foreign Ministry") can be hit or blamed, never be the author itself.
  const authors = mentions.filter((m) => !m.implied);
  const triggerAt = new Set<number>();
  for (const h of triggers) for (let k = h.start; k < h.end; k++) triggerAt.add(k);
  const kind = (id: string) => input.kindOf?.(id)?.kind;
  const isBody = (id: string) => kind(id) === 'organisation' && input.kindOf?.(id)?.country !== undefined;
  const quotes = quotedSpans(tokens);

  const joined = (from: number, to: number): boolean => {
    let others = 0;
    for (let k = from; k < to; k++) {
      const t = tokens[k] as Token;
      if (triggerAt.has(k)) return false;
      if (t.word && (GROUP_STOP.has(t.norm) || ATTACK_NOUN.test(t.norm))) return false;
      if (!t.word && (t.text === '.' || t.text === ';' || t.text === ':')) return false;
      if (JOINERS.has(t.norm) || JOINERS.has(t.text)) continue;
      if (++others > 1) return false;
    }
    return true;
  };
  const inRange = (from: number, to: number) =>
    mentions.filter((m) => m.start >= from && m.end <= to).sort((a, b) => a.start - b.start);
  /** Mentions that start in [from, to), whatever their length ("the Organisation for the Prohibition of Chemical Weapons"). */
  const startingIn = (from: number, to: number) =>
    mentions.filter((m) => m.start >= from && m.start < to).sort((a, b) => a.start - b.start);

  /** The first list of parties in [from, to) whose first member `first` accepts. */
  const firstGroup = (
    from: number,
    to: number,
    first: (m: Mention) => boolean,
    more: (m: Mention) => boolean = (m) => m.role !== 'nationality' && m.prep !== 'loc',
    relativesOk = false,
  ): Mention[] => {
    const list = startingIn(from, to);
    const at = list.findIndex(first);
    if (at < 0) return [];
    const head = list[at] as Mention;
    for (let k = from; k < head.start && !relativesOk; k++) {
      const t = tokens[k] as Token;
      // "dont APT27": a relative "dont" that names a party goes on; any other ends the search.
      if (t.word && (GROUP_STOP.has(t.norm) || SPEECH.test(t.norm)) && !(t.norm === 'dont' && k + 1 === head.start))
        return [];
      if (t.word && t.norm === 'dont' && k + 1 !== head.start) return [];
    }
    const group = [head];
    let last = head;
    for (let i = at + 1; i < list.length; i++) {
      const m = list[i] as Mention;
      if (!more(m)) continue;
      if (!joined(last.end, m.start)) break;
      group.push(m);
      last = m;
    }
    return group;
  };
  /** The list of parties ending closest before `at` in [from, at). */
  const lastGroupBefore = (
    from: number,
    at: number,
    accept: (m: Mention) => boolean,
    pool: readonly Mention[] = mentions,
  ): Mention[] => {
    const list = pool.filter((m) => m.start >= from && m.end <= at && accept(m)).sort((a, b) => a.start - b.start);
    if (list.length === 0) return [];
    const group = [list[list.length - 1] as Mention];
    for (let i = list.length - 2; i >= 0; i--) {
      const m = list[i] as Mention;
      if (!joined(m.end, (group[0] as Mention).start)) break;
      group.unshift(m);
    }
    return group;
  };
  const genitiveOfRole = (start: number): boolean => {
    // "les chefs de la diplomatie des États membres de l'UE", "the foreign ministers of the EU".
    for (let k = start - 1, seen = 0; k >= 0 && seen < 7; k--, seen++) {
      const t = tokens[k] as Token;
      if (!t.word) return false;
      if (ROLE_NOUNS.has(t.norm)) return true;
      if (
        !/^(le|la|les|l'|the|de|du|des|d'|of|affaires|etrangeres|foreign|affairs|defense|defence|diplomatie|interieur|justice|exterieur|exterieures)$/.test(
          t.norm,
        )
      )
        return false;
    }
    return false;
  };
  const subjectLike = (m: Mention, allowAffiliation: boolean): boolean => {
    if (m.role === 'nationality') return false;
    if (m.role === 'affiliation' && !allowAffiliation) return false;
    if (m.prep === undefined || m.prep === 'selon') return true;
    if (m.prep === 'de') return genitiveOfRole(m.start);
    return false;
  };
  const qualifiesThreat = (m: Mention): boolean =>
    [tokens[m.start - 1], tokens[m.start - 2], tokens[m.end], tokens[m.end + 1]].some(
      (t) => t?.word === true && THREAT_NOUNS.test(t.norm),
    );
  const lastSpeech = (cs: number, at: number): number => {
    for (let k = at - 1; k >= cs; k--)
      if (tokens[k]?.word && SPEECH.test((tokens[k] as Token).norm) && !triggerAt.has(k)) return k;
    for (let k = at - 1; k >= cs; k--) if (tokens[k]?.word && SPEECH.test((tokens[k] as Token).norm)) return k;
    return -1;
  };

  const parties: Parties = {
    mentions,
    isPassive(at) {
      const verb = (tokens[at] as Token).text.toLowerCase();
      if (!/(é|ée|és|ées|is|ise|ises|it|ite|its|u|ue|us|ert|erte|ed|en|wn)$/.test(verb)) return false;
      for (let k = at - 1, words = 0; k >= 0 && words < 3; k--) {
        const t = tokens[k] as Token;
        if (!t.word) continue;
        words++;
        if (
          /^(ete|est|sont|etait|etaient|sera|seront|fut|furent|soit|soient|was|were|been|being|is|are|be|get|got)$/.test(
            t.norm,
          )
        )
          return true;
      }
      return false;
    },
    subjects(zoneStart, at, cs, allowAffiliation = false) {
      const group = lastGroupBefore(zoneStart, at, (m) => subjectLike(m, allowAffiliation), authors);
      if (group.length > 0) return group;
      // The subject before an insertion: "Moscou, mis en cause pour ..., a toujours démenti".
      return lastGroupBefore(
        cs,
        at,
        (m) => m.role === 'actor' && (m.prep === undefined || m.prep === 'selon'),
        authors,
      );
    },
    objects(from, to, allowAffiliation) {
      return firstGroup(
        from,
        to,
        (m) =>
          m.role !== 'nationality' &&
          (allowAffiliation || m.role !== 'affiliation') &&
          [undefined, 'de', 'contre', 'a'].includes(m.prep) &&
          !afterAttackNoun(m, from),
      );
    },
    linked(from, to) {
      return inRange(from, to).filter((m) => m.prep === 'avec' && m.role !== 'nationality');
    },
    targets(from, to) {
      return firstGroup(from, to, (m) => m.prep === 'contre' && m.role !== 'nationality' && !afterAttackNoun(m, from));
    },
    toParties(from, to) {
      return firstGroup(from, to, (m) => (m.prep === 'a' || m.prep === 'avec') && m.role !== 'nationality');
    },
    nounAgents(h, to) {
      return firstGroup(
        h.end,
        to,
        (m) => (m.prep === 'de' || m.prep === 'par') && m.start - h.end <= 3 && m.role === 'actor',
      );
    },
    agentOfNoun(type) {
      return AGENT_OF_NOUN.has(type);
    },
    agents(from, to) {
      // "par l'État chinois", "by hackers linked to Iran": what follows "par"/"by" closely.
      for (let k = Math.max(0, from - 1); k < Math.min(to, from + 4); k++) {
        const t = tokens[k] as Token;
        if (t.word && (t.norm === 'par' || t.norm === 'by')) {
          const g = firstGroup(k + 1, to, (m) => m.role !== 'nationality' && m.start - k <= 5);
          if (g.length > 0) return g;
        }
      }
      return firstGroup(from, to, (m) => m.prep === 'par' && m.role !== 'nationality');
    },
    speakers(cs, at) {
      const v = lastSpeech(cs, at);
      if (v < 0) return [];
      return lastGroupBefore(cs, v, (m) => subjectLike(m, false) && m.prep !== 'selon', authors);
    },
    selon() {
      return authors.filter((m) => m.prep === 'selon' && m.role !== 'nationality');
    },
    blamed(cs, at, adjacent) {
      const v = lastSpeech(cs, at);
      const from = v >= 0 ? v + 1 : cs;
      const group = lastGroupBefore(
        from,
        at,
        (m) => m.role !== 'nationality' && m.prep !== 'selon' && m.prep !== 'par' && m.prep !== 'loc',
      );
      const last = group[group.length - 1];
      // The one blamed is right before the words that blame: "Lazarus, soupçonné", "the GRU was almost certainly behind".
      if (!last || at - last.end > (adjacent ? 2 : 5)) return [];
      return group;
    },
    after(from, to) {
      // "linked to Russia's SVR", "known as Volt Typhoon", "liés à la Chine".
      return inRange(from, Math.min(to, from + 7)).filter(
        (m) => m.role !== 'nationality' && (m.prep === 'a' || m.prep === 'avec' || kind(m.id) === 'group'),
      );
    },
    afterOpening(from, to) {
      const comma = tokens.findIndex((t, k) => k >= from && t.text === ',');
      if (comma < 0 || comma - from > 4) return [];
      return firstGroup(comma + 1, to, (m) => m.role === 'actor' && m.prep === undefined && m.start - comma <= 4);
    },
    relativeAntecedent(at) {
      // "by Norway, which summoned ...", "la Norvège, qui a convoqué ...": the party just before the relative pronoun.
      for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
        const t = tokens[k] as Token;
        if (t.word && /^(which|who|qui)$/.test(t.norm)) {
          const before = authors.filter((m) => m.end <= k && k - m.end <= 2 && m.role !== 'nationality').pop();
          return before ? [before] : [];
        }
      }
      return [];
    },
    quotedSpeaker(at) {
      // A quotation's words belong to whoever is named after it: "« Nous condamnons ... », a déclaré le ministre".
      const q = quotes.find((s) => at > s.start && at < s.end);
      if (!q) return [];
      return mentions
        .filter((m) => m.start >= q.end && m.role === 'actor' && (m.prep === undefined || m.prep === 'par'))
        .slice(0, 3);
    },
    attack(a, z) {
      const draft: Draft = {
        type: 'attack',
        by: [],
        against: [],
        trigger: { start: a.start, end: a.end },
        clause: { start: z.cs, end: z.ce },
      };
      const ids = (ms: Mention[]) => [...new Set(ms.map((m) => m.id))];
      const attacker = (m: Mention) =>
        m.role !== 'nationality' &&
        (kind(m.id) === 'group' || isBody(m.id) || (m.role === 'affiliation' && qualifiesThreat(m)));
      if (z.within !== undefined) {
        // Inside a diplomatic act: "accusent X d'avoir ... les attaques massives menées contre Y en mars".
        draft.by = ids(inRange(z.within, a.start).filter(attacker));
        draft.against = ids(
          firstGroup(
            a.end,
            Math.min(z.npEnd, wordsAhead(a.end, 14)),
            (m) =>
              m.role !== 'nationality' &&
              [undefined, 'contre', 'de'].includes(m.prep) &&
              !draft.by.includes(m.id) &&
              !isPlace(m),
            undefined,
            true,
          ),
        );
      } else if (a.spec.frame === 'victim') {
        draft.against = ids(
          lastGroupBefore(
            z.cs,
            a.start,
            (m) => m.role !== 'nationality' && m.prep !== 'par' && m.prep !== 'selon' && m.prep !== 'loc',
          ),
        );
        draft.by = ids(parties.agents(a.end, z.ce));
      } else if (a.spec.noun) {
        const agents = parties.agents(a.end, z.ce);
        const next = firstGroup(a.end, Math.min(z.ce, a.end + 3), (m) => m.prep === 'de' && attacker(m));
        const before = inRange(Math.max(z.cs, a.start - 6), a.start).filter(
          (m) => attacker(m) && m.prep !== 'loc' && m.prep !== 'contre',
        );
        // "cyberattaques chinoises", "Russian cyberattacks": a demonym on the attack itself.
        const adjacent = inRange(a.start - 1, a.end + 1).filter((m) => m.role === 'affiliation');
        draft.by = ids([...agents, ...next, ...before, ...adjacent]);
        draft.against = ids(
          firstGroup(
            a.end,
            Math.min(z.ce, wordsAhead(a.end, 14)),
            (m) =>
              m.role !== 'nationality' &&
              ['contre', 'de', 'a', 'loc'].includes(m.prep ?? '') &&
              !draft.by.includes(m.id) &&
              !isPlace(m),
          ),
        );
      } else if (parties.isPassive(a.start)) {
        draft.against = ids(
          lastGroupBefore(
            z.cs,
            a.start,
            (m) => m.role !== 'nationality' && m.prep !== 'par' && m.prep !== 'selon' && m.prep !== 'loc',
          ),
        );
        draft.by = ids(parties.agents(a.end, z.ce));
      } else if (a.spec.frame === 'agent') {
        draft.by = ids(parties.agents(a.end - 1, z.ce));
        draft.against = ids(inRange(z.cs, z.ce).filter((m) => m.prep === 'contre'));
      } else {
        draft.by = ids(
          lastGroupBefore(
            Math.max(z.cs, a.start - 5),
            a.start,
            (m) =>
              m.role !== 'nationality' &&
              m.prep !== 'loc' &&
              m.prep !== 'contre' &&
              (attacker(m) || (m.role === 'actor' && m.prep === undefined)),
          ),
        );
        const window = Math.min(z.ce, wordsAhead(a.end, 14));
        const near = firstGroup(
          a.end,
          window,
          (m) =>
            m.role !== 'nationality' &&
            [undefined, 'contre', 'de', 'a', 'loc'].includes(m.prep) &&
            !draft.by.includes(m.id) &&
            !isPlace(m),
        );
        draft.against = ids(
          near.length > 0
            ? near
            : firstGroup(
                window,
                z.ce,
                (m) =>
                  !draft.by.includes(m.id) &&
                  !isPlace(m) &&
                  (m.role === 'affiliation' ||
                    (m.role === 'actor' && ['contre', 'de', 'a', 'loc'].includes(m.prep ?? ''))),
              ),
        );
        // "hit its national network", "a paralysé ses systèmes": the victim is the clause's own subject.
        if (draft.against.length === 0 && possessiveAfter(a.end)) {
          const owner = inRange(z.cs, a.start).find(
            (m) => m.role === 'actor' && m.prep === undefined && !draft.by.includes(m.id),
          );
          if (owner) draft.against = [owner.id];
        }
      }
      if (z.within === undefined) {
        const places = inRange(z.cs, z.ce).filter(
          (m) => m.prep === 'loc' && m.role === 'actor' && kind(m.id) === 'state' && !draft.by.includes(m.id),
        );
        draft.against = [...new Set([...draft.against, ...places.map((m) => m.id)])];
      }
      draft.against = draft.against.filter((id) => !draft.by.includes(id));
      return draft;
    },
  };

  /** Index after `n` words from `from` (punctuation does not count). */
  function wordsAhead(from: number, n: number): number {
    let k = from;
    for (let words = 0; k < tokens.length && words < n; k++) if ((tokens[k] as Token).word) words++;
    return k;
  }

  function possessiveAfter(from: number): boolean {
    for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
      const t = tokens[k] as Token;
      if (t.word && /^(its|their|son|sa|ses|leur|leurs)$/.test(t.norm)) return true;
    }
    return false;
  }

  /** "à La Haye", "in Moscow": a capital after a place preposition is where, not who. */
  function isPlace(m: Mention): boolean {
    return m.kind === 'capital' && (m.prep === 'a' || m.prep === 'loc');
  }

  /** "condamne les cyberattaques contre l'Ukraine": a party after an attack noun is its victim, not the target of the act. */
  function afterAttackNoun(m: Mention, from: number): boolean {
    if (m.prep !== 'contre' && m.prep !== 'de') return false;
    // Only an attack noun right before the preposition makes the party its victim: not "des cyberattaques, contre des Russes".
    for (let k = m.start - 1; k >= Math.max(from, m.start - 4); k--) {
      const t = tokens[k] as Token;
      if (!t.word) return false;
      if (ATTACK_NOUN.test(t.norm)) return true;
    }
    return false;
  }
  return parties;
}

/** Spans of « guillemets » and "quotes" in the sentence, as token ranges. */
export function quotedSpans(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let straight = -1;
  tokens.forEach((t, i) => {
    if (t.text === '«' || t.text === '“') open = i;
    else if ((t.text === '»' || t.text === '”') && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    } else if (t.text === '"') {
      if (straight < 0) straight = i;
      else {
        spans.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    }
  });
  if (open >= 0) spans.push({ start: open, end: tokens.length });
  if (straight >= 0) spans.push({ start: straight, end: tokens.length });
  return spans;
}
