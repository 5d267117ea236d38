import type { Actor } from '../../domain/actor';
import type { Incident } from '../../domain/incident';
import { fold, nameTokens, type Token, tokenize } from '../text/tokens';
import { englishForms, frenchForms, looksLikeEnglishDemonym } from './inflect';
import { type BodySignature, bodySignature } from './bodies';

/**
 * How a name points at its target. `demonym`: an adjective or a people ("chinois", "Chinese",
 * "les Américains"); `capital`: a city or building standing for a government ("Pékin", "the Kremlin").
 */
export type EntryKind = 'name' | 'alias' | 'demonym' | 'capital' | 'incident' | 'derived';

export interface LexEntry {
  id: string;
  incident: boolean;
  kind: EntryKind;
  /** `exact`: written in capitals in the text too (acronyms: "US" is not "us"); `cap`: starts upper case; `any`. */
  caseRule: 'exact' | 'cap' | 'any';
}

interface Node {
  next: Map<string, Node>;
  entries?: LexEntry[];
}

const EMPTY: ReadonlySet<string> = new Set();
const MONTHS = new Set(
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december'.split(
    ' ',
  ),
);
/** Capitalised words of incident names that say nothing about which incident it is. */
const GENERIC_WORDS = new Set(
  'cyber joint diplomatic diplomacy response malicious activities justice affaires commission personnel management games winter unit bank committee defense defence hack hacks hacking leak leaks breach attack attacks cyberattack cyberattacks campaign operation operations ransomware group groups espionage intrusion intrusions sanctions charges indictment report exposure state government national international first wave worm outbreak theft heist mass massive servers server data email emails network critical infrastructure service services system systems team office ministry foreign affairs council decision regulation implementing about from with into through over during before after against'.split(
    ' ',
  ),
);

/** Single words that are names in the knowledge base only by accident of a list split. */
const NEVER_ALONE = new Set([
  'foreign',
  'global',
  'security',
  'council',
  'office',
  'service',
  'government',
  'state',
  'states',
  'union',
  'cyber',
  'group',
  'team',
  'centre',
  'center',
  'department',
  'ministry',
]);

/**
 * The knowledge base as a token trie: every name, alias and reference of every actor and incident,
 * folded like the text, with French demonyms in all their forms. One walk per token position
 * finds the longest name starting there, so matching costs the same whatever the base's size.
 */
export class Lexicon {
  private readonly root: Node = { next: new Map() };
  readonly actors = new Map<string, Actor>();
  readonly incidents = new Map<string, Incident>();
  /** Every folded word of every name: lets the sentence repairs recognise "Natha lie" as a name. */
  readonly vocabulary = new Set<string>();
  /** Folded words naming each state (names, demonyms, capitals): left out of body signatures. */
  private readonly stateWords = new Map<string, Set<string>>();
  private bodyCache: { list: BodySignature[]; words: Set<string> } | undefined;
  private wordState: Map<string, string | null> | undefined;
  /** One-word names, demonyms and capitals of each state: the words that name a state on their own. */
  private readonly stateSingles = new Map<string, Set<string>>();
  private readonly byActor = new Map<string, Set<string>>();
  private readonly actorWords = new Set<string>();
  /** Distinctive words of incident names and aliases, with the incidents they belong to (see linking). */
  readonly incidentWords = new Map<string, { ids: Set<string>; capOnly: boolean }>();

  constructor(actors: Iterable<Actor>, incidents: Iterable<Incident>) {
    // States first: a body's short name ("Treasury" from "US Treasury") is found by stripping its state's words.
    const list = [...actors].sort((a, b) => Number(b.kind === 'state') - Number(a.kind === 'state'));
    for (const a of list) this.addActor(a);
    for (const i of incidents) this.addIncident(i);
  }

  addActor(a: Actor): void {
    this.actors.set(a.id, a);
    const names = new Set([a.name.en, a.name.fr, ...a.aliases]);
    if (a.kind === 'organisation' && /^[A-Z][A-Z0-9]{1,6}$/.test(a.id)) names.add(a.id);
    for (const n of names) {
      this.add(n, {
        id: a.id,
        incident: false,
        kind: n === a.name.en || n === a.name.fr ? 'name' : 'alias',
        caseRule: caseRuleOf(n),
      });
      for (const w of nameTokens(n)) this.actorWords.add(w);
    }
    for (const ref of a.references?.fr ?? []) this.addReference(a.id, ref, 'fr');
    for (const ref of a.references?.en ?? []) this.addReference(a.id, ref, 'en');
    if (a.kind === 'organisation' && a.country) {
      for (const n of names) {
        const short = this.withoutState(n, a.country);
        if (short && !names.has(short))
          this.add(short, { id: a.id, incident: false, kind: 'derived', caseRule: 'cap' });
      }
    }
    if (a.kind === 'state') {
      const words = this.stateWords.get(a.id) ?? new Set<string>();
      for (const n of names) for (const w of nameTokens(n)) words.add(w);
      for (const ref of [...(a.references?.fr ?? []), ...(a.references?.en ?? [])]) {
        for (const w of nameTokens(ref)) for (const f of [...frenchForms(w), ...englishForms(w)]) words.add(f);
      }
      this.stateWords.set(a.id, words);
      const singles = this.stateSingles.get(a.id) ?? new Set<string>();
      for (const n of [...names, ...(a.references?.fr ?? []), ...(a.references?.en ?? [])]) {
        const ws = nameTokens(n);
        if (ws.length !== 1) continue;
        for (const f of n === n.toLowerCase() ? frenchForms(ws[0] as string) : englishForms(ws[0] as string))
          singles.add(f);
      }
      this.stateSingles.set(a.id, singles);
    }
    this.bodyCache = undefined;
    this.wordState = undefined;
  }

  /**
   * A body's name without its state's words, when what is left is still a proper name:
   * "US Treasury" -> "Treasury", "Russian Foreign Ministry" -> "Foreign Ministry". Such short
   * names only count in an article that names the state (see extract).
   */
  private withoutState(name: string, country: string): string | undefined {
    const own = this.stateWords.get(country);
    if (!own) return undefined;
    const tokens = tokenize(name).filter((t) => t.word);
    let from = 0;
    let to = tokens.length;
    while (from < to && (own.has((tokens[from] as Token).norm) || (tokens[from] as Token).norm === "'s")) from++;
    while (to > from && own.has((tokens[to - 1] as Token).norm)) to--;
    if (from === 0 && to === tokens.length) return undefined;
    const rest = tokens.slice(from, to);
    if (rest.length === 0 || !(rest[0] as Token).cap) return undefined;
    if (rest.length === 1 && (NEVER_ALONE.has((rest[0] as Token).norm) || (rest[0] as Token).norm.length < 4))
      return undefined;
    return name.slice((rest[0] as Token).start, (rest[rest.length - 1] as Token).end);
  }

  /** Government bodies reduced to head noun, state and content words, for names the text shortens. */
  get bodies(): { list: BodySignature[]; words: Set<string> } {
    if (this.bodyCache) return this.bodyCache;
    const list: BodySignature[] = [];
    const words = new Set<string>();
    for (const a of this.actors.values()) {
      if (a.kind !== 'organisation') continue;
      const own = a.country ? this.stateWords.get(a.country) : undefined;
      for (const n of new Set([a.name.en, a.name.fr, ...a.aliases])) {
        const sig = bodySignature(a, n, own);
        if (!sig) continue;
        list.push(sig);
        for (const w of sig.content) words.add(w);
      }
    }
    this.bodyCache = { list, words };
    return this.bodyCache;
  }

  /** The state a folded word names or qualifies ("chinois", "pekin"), when only one state claims it. */
  stateOfWord(word: string): string | undefined {
    if (!this.wordState) {
      this.wordState = new Map();
      for (const [id, words] of this.stateSingles) {
        for (const w of words) this.wordState.set(w, this.wordState.has(w) && this.wordState.get(w) !== id ? null : id);
      }
    }
    return this.wordState.get(word) ?? undefined;
  }

  /** Incidents in which an actor is a target or a suspect (for linking by entity and date). */
  incidentsOfActor(id: string): ReadonlySet<string> {
    return this.byActor.get(id) ?? EMPTY;
  }

  /** Whether a folded word is part of an actor's name (then it says who, more than which incident). */
  isActorWord(word: string): boolean {
    return this.actorWords.has(word);
  }

  addIncident(i: Incident): void {
    this.incidents.set(i.id, i);
    for (const a of [...i.targets, ...i.suspected]) {
      const set = this.byActor.get(a) ?? new Set<string>();
      set.add(i.id);
      this.byActor.set(a, set);
      const country = this.actors.get(a)?.country;
      if (country && country !== a) {
        const c = this.byActor.get(country) ?? new Set<string>();
        c.add(i.id);
        this.byActor.set(country, c);
      }
    }
    for (const n of new Set([i.name.en, i.name.fr, ...i.aliases])) {
      this.add(n, { id: i.id, incident: true, kind: 'incident', caseRule: caseRuleOf(n) });
      this.addIncidentWords(i.id, n);
    }
  }

  /**
   * Proper nouns inside an incident's names ("Storting", "Exchange", "Macron", "Parlement"), not
   * the first word (French capitalises it anyway), not a state's name or demonym, not a month.
   * Short ones must be capitalised in the text too: "Monde" in TV5Monde is not "le monde".
   */
  private addIncidentWords(id: string, name: string): void {
    const tokens = tokenize(name).filter((t) => t.word);
    tokens.forEach((t, k) => {
      if (k === 0 && tokens.length > 1) return;
      if (!t.cap || t.norm.length < 4 || /^\d/.test(t.norm) || MONTHS.has(t.norm) || GENERIC_WORDS.has(t.norm)) return;
      if (this.stateOfWord(t.norm)) return;
      const entry = this.incidentWords.get(t.norm) ?? { ids: new Set<string>(), capOnly: t.norm.length < 7 };
      entry.ids.add(id);
      this.incidentWords.set(t.norm, entry);
    });
  }

  /** The longest name starting at `tokens[from]`, as folded words; `ok(i, entry)` checks case on the text. */
  longest(
    words: readonly string[],
    from: number,
    ok: (first: number, entry: LexEntry) => boolean,
  ): { end: number; entries: LexEntry[] } | undefined {
    let node: Node | undefined = this.root;
    let best: { end: number; entries: LexEntry[] } | undefined;
    for (let j = from; j < words.length; j++) {
      node = node.next.get(words[j] as string);
      if (!node) break;
      if (node.entries) {
        // Most nodes hold one entry: no array is made unless some entry fits.
        let fit: LexEntry[] | undefined;
        for (const e of node.entries) if (ok(from, e)) (fit ??= []).push(e);
        if (fit) best = { end: j + 1, entries: fit };
      }
    }
    return best;
  }

  private addReference(id: string, ref: string, lang: 'en' | 'fr'): void {
    const words = nameTokens(ref);
    if (words.length === 0) return;
    const last = words[words.length - 1] as string;
    const stem = words.slice(0, -1);
    const lower = ref === ref.toLowerCase();
    if (lang === 'fr' && lower) {
      for (const form of frenchForms(last))
        this.addWords([...stem, form], { id, incident: false, kind: 'demonym', caseRule: 'any' });
      return;
    }
    const folded = words.join(' ');
    if (lang === 'en' && looksLikeEnglishDemonym(folded)) {
      for (const form of englishForms(last))
        this.addWords([...stem, form], { id, incident: false, kind: 'demonym', caseRule: 'cap' });
      return;
    }
    this.addWords(words, { id, incident: false, kind: 'capital', caseRule: lower ? 'any' : caseRuleOf(ref) });
  }

  private add(name: string, entry: LexEntry): void {
    const words = nameTokens(name);
    if (words.length === 0) return;
    if (words.length === 1 && NEVER_ALONE.has(words[0] as string)) return;
    this.addWords(words, entry);
  }

  private addWords(words: string[], entry: LexEntry): void {
    let node = this.root;
    for (const w of words) {
      this.vocabulary.add(w);
      let next = node.next.get(w);
      if (!next) {
        next = { next: new Map() };
        node.next.set(w, next);
      }
      node = next;
    }
    const list = node.entries ?? [];
    if (!list.some((e) => e.id === entry.id && e.kind === entry.kind)) list.push(entry);
    node.entries = list;
  }
}

/** Acronyms must be written in capitals ("US", "UE"), proper names with a capital, lower-case phrases any way. */
export function caseRuleOf(name: string): LexEntry['caseRule'] {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(name.trim()))
    return 'exact';
  if (/^\p{Lu}/u.test(name.trim())) return 'cap';
  return 'any';
}

export { fold };
