import MiniSearch from 'minisearch';
import type { Catalog } from '../catalog/catalog';
import type { Actor } from '../domain/actor';
import type { Candidate } from '../domain/brief';
import type { Incident } from '../domain/incident';
import type { Locale } from '../domain/text';
import { normalize } from '../text/normalize';

export type SearchOutcome =
  /** `others`: what the words also name, e.g. the victim organisation behind the incident found. */
  | { status: 'found'; hit: Candidate; others?: Candidate[] }
  | { status: 'ambiguous'; candidates: Candidate[] }
  | { status: 'not_found'; suggestions: Candidate[] };

interface Doc {
  id: string;
  kind: 'incident' | 'actor';
  ref: string;
  names: string;
  aliases: string;
  years: string;
  summary: string;
}

/** Words that carry no meaning in a lookup: they only add noise to the ranking. */
const STOP = new Set(
  (
    'a an the of and or in on at to for by with from de du des la le les l d un une et ou en au aux par pour sur dans contre ' +
    // Words that name a kind of thing rather than a thing: "Operation Cloud Hopper" is found by "cloud hopper".
    'attack attaque attacks attaques piratage hack hacking cyberattaque cyberattack operation operations campaign campagne incident affaire'
  ).split(' '),
);

/** Bumped whenever tokenising, stop words or fields change, so a saved index of older code is not reused. */
export const SEARCH_INDEX_FORMAT = 1;

const MINI_OPTIONS = {
  fields: ['names', 'aliases', 'years', 'summary'],
  storeFields: [],
  processTerm: (term: string) => processTerm(term),
  tokenize: (text: string) => text.split(/[\s\-'’.,;:!?()«»"/]+/),
};

const termCache = new Map<string, string | null>();

/**
 * Normalising is the costliest step of indexing (Unicode decomposition and several regexes), and
 * a corpus repeats the same few thousand words: each distinct token is normalised once.
 */
function processTerm(term: string): string | null {
  let t = termCache.get(term);
  if (t !== undefined) return t;
  const n = normalize(term);
  t = n.length === 0 || STOP.has(n) ? null : n;
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(term, t);
  return t;
}

/** Longest query read: anything beyond is pasted text, not a lookup. */
export const MAX_QUERY_CHARS = 200;

/** Fewer hits than this apart in score means the user has to choose. */
const CLEAR_LEAD = 1.6;

/**
 * Incident types that are responses (sanctions packages, policy processes): their `targets` are the
 * people listed or the parties addressed, never victims, so they do not make an organisation "known".
 */
const RESPONSE_INCIDENT_TYPES: ReadonlySet<string> = new Set(['sanctions', 'policy']);

/** `org:viasat` or `actor:viasat` asks for the organisation (or any actor) itself, not its incident. */
const ACTOR_PREFIX = /^\s*(org|actor|organisation|organization)\s*:\s*/i;

/**
 * Finds incidents and actors by name, alias, year and summary words, in English and French,
 * tolerant of case, accents and typos. Built on MiniSearch; exact aliases are looked up first
 * because "otan" or "chine" must not lose to a fuzzy match in some summary.
 */
export class SearchIndex {
  private readonly mini: MiniSearch<Doc>;
  private readonly exact = new Map<string, Set<string>>();
  private readonly docs = new Map<string, Doc>();
  private readonly names = new Map<string, { en: string; fr: string }>();
  /** Organisation key -> ids of the incidents it was hit in: "viasat" means the Viasat attack. */
  private readonly victimOf = new Map<string, Set<string>>();
  /** Incidents by id, for ordering several incidents of one victim. */
  private readonly periods = new Map<string, string>();
  /** An actor's names exactly as written, to tell its id typed as such from a name. */
  private readonly writtenNames = new Map<string, Set<string>>();

  /**
   * Indexes the catalog, or, given `saved` (a previous `serialize()` of the same catalog), loads
   * the index as it was: on a large store that is several times faster than indexing again.
   */
  constructor(
    private readonly catalog: Catalog,
    saved?: string,
  ) {
    this.mini = saved ? MiniSearch.loadJSON<Doc>(saved, MINI_OPTIONS) : new MiniSearch<Doc>(MINI_OPTIONS);
    const docs: Doc[] = [];
    for (const inc of catalog.incidents.values()) docs.push(this.incidentDoc(inc));
    for (const actor of catalog.actors.values()) docs.push(this.actorDoc(actor));
    if (!saved) this.mini.addAll(docs);
  }

  /** The index as JSON, for `new SearchIndex(catalog, saved)`. */
  serialize(): string {
    return JSON.stringify(this.mini);
  }

  upsertIncident(inc: Incident): void {
    const key = `incident:${inc.id}`;
    if (this.docs.has(key)) this.mini.discard(key);
    for (const set of this.victimOf.values()) set.delete(inc.id);
    this.mini.add(this.incidentDoc(inc));
  }

  name(c: { kind: string; id: string }, locale: Locale): string {
    return this.names.get(`${c.kind}:${c.id}`)?.[locale] ?? c.id;
  }

  /** Resolves a lookup to one subject, a short list to choose from, or suggestions. */
  resolve(query: string, locale: Locale): SearchOutcome {
    const raw = query.slice(0, MAX_QUERY_CHARS);
    const actorsOnly = ACTOR_PREFIX.test(raw);
    const typed = raw.replace(ACTOR_PREFIX, '').trim();
    const q = normalize(typed);
    if (q.length === 0) return { status: 'not_found', suggestions: [] };

    // An actor's id typed as written ("VIASAT", "UK-ELECTORAL-COMMISSION") names that actor, unless
    // the id is also one of its names as written ("OPCW"): then it is the name people type.
    const byId = this.docs.get(`actor:${typed}`);
    const idOfState = this.catalog.actors.get(typed)?.kind === 'state';
    if (byId && !idOfState && (actorsOnly || !this.writtenNames.get(`actor:${typed}`)?.has(typed))) {
      return { status: 'found', hit: this.candidate(`actor:${typed}`, 100, locale) };
    }

    const exact = [...(this.exact.get(q) ?? [])].filter((key) => !actorsOnly || key.startsWith('actor:'));
    if (exact.length > 0) {
      const hits = exact.map((key) => this.candidate(key, 100, locale));
      // An incident named exactly as typed wins over an actor of the same name ("WannaCry" the
      // incident over "WannaCry" a malware alias of a group), since briefs are about incidents first.
      const incidents = hits.filter((h) => h.kind === 'incident');
      if (incidents.length === 0 && !actorsOnly) {
        const known = this.victimIncidents(exact, locale);
        if (known.length === 1) return { status: 'found', hit: known[0] as Candidate, others: hits };
        if (known.length > 1) return { status: 'ambiguous', candidates: [...known, ...hits].slice(0, 8) };
      }
      const pool = incidents.length > 0 ? incidents : hits;
      if (pool.length === 1) return { status: 'found', hit: pool[0] as Candidate };
      return { status: 'ambiguous', candidates: pool.slice(0, 8) };
    }
    if (actorsOnly) {
      const hits = this.mini.search(q, {
        fields: ['names', 'aliases'],
        prefix: true,
        fuzzy: 0.2,
        filter: (r) => (r.id as string).startsWith('actor:'),
      });
      const candidates = hits.slice(0, 8).map((h) => this.candidate(h.id as string, h.score, locale));
      if (candidates.length === 1) return { status: 'found', hit: candidates[0] as Candidate };
      if (candidates.length > 1) return { status: 'ambiguous', candidates };
      return { status: 'not_found', suggestions: [] };
    }

    if (/^(19|20)\d{2}$/.test(q)) {
      const hits = this.mini.search(q, { fields: ['years'], prefix: false, fuzzy: false });
      const candidates = hits.slice(0, 8).map((h) => this.candidate(h.id as string, h.score, locale));
      if (candidates.length === 1) return { status: 'found', hit: candidates[0] as Candidate };
      if (candidates.length > 1) return { status: 'ambiguous', candidates };
      return { status: 'not_found', suggestions: [] };
    }

    // Every word, as typed, first: cheap and precise. Typos and prefixes only when that finds nothing,
    // because fuzzy expansion over a large vocabulary is what makes a lookup slow.
    const exactHits = this.mini.search(q, {
      boost: { names: 4, aliases: 4, years: 1, summary: 0.6 },
      combineWith: 'AND',
    });
    const hits =
      exactHits.length > 0
        ? exactHits
        : this.mini.search(q, {
            boost: { names: 4, aliases: 4, years: 1, summary: 0.6 },
            prefix: (term) => term.length >= 3,
            fuzzy: (term) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 1 : false),
            maxFuzzy: 2,
            combineWith: 'OR',
            weights: { fuzzy: 0.45, prefix: 0.5 },
          });
    if (hits.length === 0) return { status: 'not_found', suggestions: this.suggest(q, locale) };
    const top = hits[0]!;
    const second = hits[1];
    const terms = q.split(' ').filter((t) => !STOP.has(t)).length || 1;
    // A hit that matches no query term exactly, in no name or alias, is a guess, not an answer.
    const strongTop = (top.match ? Object.values(top.match).flat() : []).some((f) => f === 'names' || f === 'aliases');
    if ((!second || top.score >= second.score * CLEAR_LEAD) && (strongTop || top.queryTerms.length >= terms)) {
      return { status: 'found', hit: this.candidate(top.id as string, top.score, locale) };
    }
    const floor = top.score / 3;
    const candidates = hits
      .filter((h) => h.score >= floor)
      .slice(0, 8)
      .map((h) => this.candidate(h.id as string, h.score, locale));
    if (candidates.length === 1 && !strongTop) return { status: 'not_found', suggestions: candidates };
    return { status: 'ambiguous', candidates };
  }

  /** Prefix completion for compose boxes ("wanna" -> WannaCry), incidents first. */
  complete(prefix: string, locale: Locale, limit = 10): Candidate[] {
    const q = normalize(prefix.slice(0, MAX_QUERY_CHARS));
    if (q.length === 0) return [];
    return this.mini
      .search(q, {
        boost: { names: 4, aliases: 4, summary: 0.3 },
        prefix: true,
        fuzzy: (t) => (t.length >= 5 ? 0.2 : false),
        combineWith: 'AND',
      })
      .sort((a, b) => Number(b.id.startsWith('incident:')) - Number(a.id.startsWith('incident:')) || b.score - a.score)
      .slice(0, limit)
      .map((h) => this.candidate(h.id as string, h.score, locale));
  }

  /**
   * The incidents that made the organisations among `keys` known (those in which they were hit),
   * newest first. Derived from the incidents' `targets`: no list of famous victims to keep up.
   * `catalog` is the one the index was built from, read again for how often an actor appears.
   */
  private victimIncidents(keys: string[], locale: Locale): Candidate[] {
    const ids = new Set<string>();
    for (const key of keys) {
      const hit = this.victimOf.get(key);
      if (!hit || hit.size === 0) continue;
      // An organisation that mostly acts (the Treasury imposing sanctions) is known for that, not
      // for the one time it was hit: its name keeps opening its own brief.
      if (this.actsMoreThan(key.slice('actor:'.length), hit)) continue;
      for (const id of hit) ids.add(id);
    }
    return [...ids]
      .sort((a, b) => (this.periods.get(b) ?? '').localeCompare(this.periods.get(a) ?? ''))
      .map((id) => this.candidate(`incident:${id}`, 100, locale));
  }

  /**
   * Whether the actor speaks or acts (`by` of a development) in more incidents than those it was hit
   * in. Stops counting as soon as that is settled, so an actor of thousands of incidents costs little.
   */
  private actsMoreThan(actorId: string, victimIn: Set<string>): boolean {
    let acting = 0;
    for (const inc of this.catalog.incidentsOfActor(actorId)) {
      if (victimIn.has(inc.id)) continue;
      const acts = this.catalog.developmentsOf(inc.id, { scan: true }).some((d) => d.by.includes(actorId));
      if (acts && ++acting > victimIn.size) return true;
    }
    return false;
  }

  private suggest(q: string, locale: Locale): Candidate[] {
    return this.mini
      .search(q, { fields: ['names', 'aliases'], fuzzy: 0.4, prefix: true, maxFuzzy: 3 })
      .slice(0, 5)
      .map((h) => this.candidate(h.id as string, h.score, locale));
  }

  private candidate(key: string, score: number, locale: Locale): Candidate {
    const doc = this.docs.get(key)!;
    return {
      id: doc.ref,
      kind: doc.kind,
      name: this.names.get(key)?.[locale] ?? doc.ref,
      score: Math.round(score * 100) / 100,
    };
  }

  private incidentDoc(inc: Incident): Doc {
    const key = `incident:${inc.id}`;
    const start = Number(inc.period.start.slice(0, 4));
    const end = Number((inc.period.end ?? inc.period.start).slice(0, 4));
    const years: string[] = [];
    for (let y = start; y <= end && years.length < 30; y++) years.push(String(y));
    const doc: Doc = {
      id: key,
      kind: 'incident',
      ref: inc.id,
      names: `${inc.name.en} ${inc.name.fr}`,
      aliases: inc.aliases.join(' '),
      years: years.join(' '),
      summary: `${inc.summary.en} ${inc.summary.fr}`,
    };
    this.register(key, doc, inc.name, [inc.id, inc.name.en, inc.name.fr, ...inc.aliases]);
    this.periods.set(inc.id, inc.period.start);
    if (!RESPONSE_INCIDENT_TYPES.has(inc.type)) {
      for (const target of inc.targets) {
        if (this.catalog.actors.get(target)?.kind !== 'organisation') continue;
        const set = this.victimOf.get(`actor:${target}`) ?? new Set<string>();
        set.add(inc.id);
        this.victimOf.set(`actor:${target}`, set);
      }
    }
    return doc;
  }

  private actorDoc(a: Actor): Doc {
    const key = `actor:${a.id}`;
    const doc: Doc = {
      id: key,
      kind: 'actor',
      ref: a.id,
      names: `${a.name.en} ${a.name.fr}`,
      aliases: a.aliases.join(' '),
      years: '',
      summary: a.description ? `${a.description.en} ${a.description.fr}` : '',
    };
    const exactNames = [a.name.en, a.name.fr, ...a.aliases];
    if (a.kind !== 'state') exactNames.push(a.id);
    this.register(key, doc, a.name, exactNames);
    this.writtenNames.set(key, new Set([a.name.en, a.name.fr, ...a.aliases]));
    return doc;
  }

  private register(key: string, doc: Doc, name: { en: string; fr: string }, exactNames: string[]): void {
    this.docs.set(key, doc);
    this.names.set(key, name);
    for (const n of exactNames) {
      const k = normalize(n);
      if (!k) continue;
      const set = this.exact.get(k) ?? new Set<string>();
      set.add(key);
      this.exact.set(k, set);
    }
  }
}
