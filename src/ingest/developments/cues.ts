import type { Token } from '../text/tokens';
import type { TriggerHit } from './triggers';

/** Words that deny what follows them in the clause ("Aucune sanction", "n'a pas démenti", "no sanctions"). */
const NEGATION = new Set([
  'ne',
  "n'",
  'pas',
  'aucun',
  'aucune',
  'jamais',
  'ni',
  'sans',
  'nullement',
  'guere',
  'not',
  "n't",
  'no',
  'never',
  'neither',
  'nor',
  'without',
  'none',
  // "refused to condemn", "a refusé de sanctionner": a refusal is no act.
  'refused',
  'refuses',
  'refuse',
  'declined',
  'declines',
  'decline',
  'refusent',
  'refusait',
]);
/** "not only", "non seulement": negation words that negate nothing. */
const NOT_NEGATING_NEXT = new Set(['seulement', 'only', 'just', 'merely', 'que']);

/**
 * Words that make an act possible, wished for or future rather than done: "pourrait sanctionner",
 * "des sanctions ne sont pas exclues", "en cas de cyberattaque", "calls for sanctions", "will impose".
 */
const MODAL_BEFORE = new Set(
  (
    'pourrait pourraient pourra pourront peut peuvent pouvait pouvaient susceptible susceptibles envisage envisagent envisager envisageait eventuel eventuelle eventuels eventuelles eventuellement possible possibles ' +
    'apte aptes pret prete prets pretes menace menacent menacer menacait souhaite souhaitent veut veulent voudrait devrait devraient appelle appellent appele appelaient reclame reclament reclamer plaide plaident ' +
    'could may might would will shall should can threaten threatens threatened threatening consider considers considering weighing weighs mull mulls mulling possible potential potentially ready prepared plans plan planning intends intend urged urges urge calls called call wants want proposed proposes propose seeks seek sought if unless whether ' +
    'positioning preparing prepositioning capable able aims aim seeking prepositionner preparent capables ' +
    // "a framework that will let the bloc impose sanctions", "le cadre qui lui permet de sanctionner".
    'let lets allow allows allowing enable enables enabling permet permettent permettra permettant permettre'
  ).split(' '),
);
const CALLS = new Set([
  'appelle',
  'appellent',
  'appele',
  'appelaient',
  'calls',
  'called',
  'call',
  'urged',
  'urges',
  'urge',
]);
/** A ransom is demanded: for an attack, "réclament une rançon" is the act itself. */
const DEMANDS = new Set([
  'reclame',
  'reclament',
  'reclamer',
  'plaide',
  'plaident',
  'souhaite',
  'souhaitent',
  'veut',
  'veulent',
  'seeks',
  'seek',
  'sought',
  'wants',
  'want',
]);
/** After the trigger: "sanctions ... en cas de", "not excluded", "if needed". */
const MODAL_AFTER = new Set([
  'exclue',
  'exclues',
  'exclu',
  'exclus',
  'envisagee',
  'envisagees',
  'envisage',
  'envisages',
  'possible',
  'possibles',
  'excluded',
  'ruled',
  'considered',
  'if',
  'unless',
]);
const MODAL_AFTER_PHRASES: string[][] = [
  ['en', 'cas', 'de'],
  ['en', 'cas', "d'"],
  ['si', 'necessaire'],
  ['le', 'cas', 'echeant'],
  ['in', 'case'],
  ['in', 'the', 'event'],
];

/** Doubt in an attribution: it is then "suspected", not "attributed". */
const HEDGES = new Set(
  (
    'soupconne soupconnee soupconnes soupconnees soupconnent suspecte suspectee suspectes suspectees vraisemblablement probablement probable probables presume presumee presumes presumees suppose supposes supposee ' +
    'serait seraient aurait auraient pourrait pourraient semble semblent apparemment possiblement ' +
    'suspected suspects likely probably possibly allegedly alleged reportedly believed thought appears appear apparently presumably may might could'
  ).split(' '),
);
/** Certainty: a formal, public attribution. */
const FIRM = new Set(
  'formellement officiellement publiquement explicitement nommement formally officially publicly explicitly firmly'.split(
    ' ',
  ),
);

const STOPS = new Set([';', '.', '!', '?', ':']);
const SOFT_BREAK = new Set([
  'mais',
  'but',
  'cependant',
  'however',
  'tandis',
  'whereas',
  'while',
  'alors',
  'puis',
  'then',
  'et',
  'and',
]);

/** True when a negation word governs the trigger at `at` (within its clause, a few words before). */
export function isNegated(tokens: readonly Token[], at: number, clauseStart: number): boolean {
  for (let k = at - 1, words = 0; k >= clauseStart && words < 5; k--) {
    const t = tokens[k] as Token;
    if (!t.word) {
      if (t.text === ',' || STOPS.has(t.text)) break;
      continue;
    }
    words++;
    if (SOFT_BREAK.has(t.norm) && words > 1) break;
    if (NEGATION.has(t.norm) && !NOT_NEGATING_NEXT.has(tokens[k + 1]?.norm ?? '')) return true;
  }
  // "X ne sanctionne pas", "did not deny": the negation may sit right after a French verb.
  const next = tokens[at + 1];
  if (next?.word && (next.norm === 'pas' || next.norm === 'jamais' || next.norm === 'aucune' || next.norm === 'aucun'))
    return true;
  return false;
}

/** True when the act is only possible, wished for or future. */
export function isModal(
  tokens: readonly Token[],
  at: number,
  end: number,
  clauseStart: number,
  clauseEnd: number,
  isAttack = false,
): boolean {
  for (let k = at - 1; k >= clauseStart; k--) {
    const t = tokens[k] as Token;
    // "in May" is a month, not a modal verb.
    if (!t.word || !MODAL_BEFORE.has(t.norm) || (t.cap && (t.norm === 'may' || t.norm === 'will'))) continue;
    // "calls for sanctions", "appelle à des sanctions" ask for an act; "called the accusations fabricated" does not.
    if (CALLS.has(t.norm)) {
      const next = tokens[k + 1]?.norm ?? '';
      if (!/^(for|on|a|à|au|aux)$/.test(next) || isAttack) continue;
    }
    if (DEMANDS.has(t.norm) && isAttack) continue;
    return true;
  }
  const trig = tokens[at] as Token;
  // French future or conditional on the trigger itself: "sanctionnera", "condamnerait".
  if (/(era|eront|erait|eraient|iront|irait)$/.test(trig.norm) && trig.norm.length > 7) return true;
  for (let k = end; k < Math.min(clauseEnd, end + 12); k++) {
    const t = tokens[k] as Token;
    if (!t.word) continue;
    if (MODAL_AFTER.has(t.norm)) return true;
    for (const phrase of MODAL_AFTER_PHRASES) {
      if (phrase.every((w, j) => tokens[k + j]?.norm === w)) return true;
    }
  }
  return false;
}

/** Doubt words in the clause, or "selon des experts" with no named party: the attribution is suspected. */
export function isHedged(tokens: readonly Token[], clauseStart: number, clauseEnd: number): boolean {
  for (let k = clauseStart; k < clauseEnd; k++) {
    const t = tokens[k] as Token;
    if (t.word && HEDGES.has(t.norm)) return true;
  }
  return false;
}

export function isFirm(tokens: readonly Token[], clauseStart: number, clauseEnd: number): boolean {
  for (let k = clauseStart; k < clauseEnd; k++) {
    const t = tokens[k] as Token;
    if (t.word && FIRM.has(t.norm)) return true;
  }
  return false;
}

/**
 * Clauses of a sentence: split at ";" and at "mais"/"but"/"tandis que"/"while"/"whereas" after a
 * comma, where the subject changes ("Lazarus est responsable, mais Pyongyang a démenti").
 */
export function clauses(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const afterComma = tokens[i - 1]?.text === ',';
    const split =
      t.text === ';' ||
      (t.word &&
        (t.norm === 'mais' ||
          t.norm === 'but' ||
          t.norm === 'whereas' ||
          t.norm === 'tandis' ||
          (t.norm === 'while' && afterComma) ||
          (t.norm === 'alors' && tokens[i + 1]?.norm === 'que' && afterComma) ||
          (t.norm === 'ou' &&
            afterComma &&
            tokens[i + 1]?.word === true &&
            /^(en|au|aux|a|dans)$/.test(tokens[i + 1]?.norm ?? ''))));
    if (split && i > start) {
      out.push([start, i]);
      start = t.text === ';' ? i + 1 : i;
    }
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}

/** "les personnes visées", "the entities targeted by sanctions": people aimed at by a measure, not hit by an attack. */
export function targetedPeople(tokens: readonly Token[], h: TriggerHit): boolean {
  const prev = tokens[h.start - 1];
  return (
    prev?.word === true &&
    /^(personnes|entites|individus|persons|entities|individuals|people|officials|responsables)$/.test(prev.norm) &&
    /^(vis|cibl|target)/.test((tokens[h.start] as Token).norm)
  );
}

/** "lutter contre les cyberattaques", "protect against attacks": attacks in general, not an event. */
export function generic(tokens: readonly Token[], h: TriggerHit): boolean {
  if (!h.spec.noun) return false;
  for (let k = h.start - 1; k >= Math.max(0, h.start - 3); k--) {
    const t = tokens[k] as Token;
    if (
      t.word &&
      /^(lutter|lutte|combattre|contrer|fight|fighting|combat|combating|protect|proteger|protection|prevent|prevenir|defend|defendre|defense|defence|resilience|contre|against)$/.test(
        t.norm,
      )
    ) {
      // "attaque contre l'Ukraine" names a victim after the noun; "contre les cyberattaques" puts the noun after "contre".
      return t.norm !== 'contre' && t.norm !== 'against'
        ? true
        : !/^(une|un|l'|la|le|cette|ce)$/.test((tokens[h.start - 1] as Token).norm) || k === h.start - 2;
    }
  }
  return false;
}

export function isThreatNoun(t: Token | undefined): boolean {
  return (
    t?.word === true &&
    /^(pirates|hackers|hacker|officiers|officers|agents|espions|spies|membres|members|ressortissants|nationals|individus|individuals)$/.test(
      t.norm,
    )
  );
}
