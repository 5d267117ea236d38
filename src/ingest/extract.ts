import { createHash } from 'node:crypto';
import { type PartialDate, startOf, endOf } from '../domain/dates';
import type { DevelopmentType, Stance } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Bilingual } from '../domain/text';
import { findDates } from './dates/resolve';
import { type Draft, type Dropped, readSentence } from './developments/read-sentence';
import { addBareCouncils, councilFinder, inheritParties, type Reading, resolveAmbiguous } from './article-context';
import { findTriggers } from './developments/triggers';
import { findMentions } from './entities';
import { detectLanguage, isReadLanguage } from './language';
import type { Lexicon } from './lexicon/lexicon';
import { compatibleDate, incidentActors, keywordScores, linkIncidents, namedIn } from './linking';
import { buildNewIncident, type EventEvidence } from './new-incident';
import type { Article } from './read/read-article';
import { repairBrokenWords } from './text/broken-words';
import { articleSentences } from './text/sentences';
import { type Token, tokenize } from './text/tokens';

export interface ReadDevelopment {
  type: DevelopmentType;
  stance?: Stance;
  date: PartialDate;
  by: string[];
  against: string[];
  incidents: string[];
  /** The sentence (or clause) it was read from, in the article's language. */
  evidence: string;
  sentence: number;
}

/** What one article says, before anything is stored: the value behind `extract --json` and `ingest`. */
export interface Extraction {
  /** Content hash of the article's text: the source id, and what makes ingesting twice a no-op. */
  sourceId: string;
  language: string;
  /** False for a language other than French or English: reported, not read. */
  read: boolean;
  published: PartialDate;
  publishedFrom: 'article' | 'caller' | 'clock';
  title?: string;
  url?: string;
  text: string;
  incidents: { id: string; name: Bilingual; match: 'existing' | 'new' }[];
  /** Incidents to create, for an article about something the knowledge base does not know. */
  newIncidents: Incident[];
  actors: string[];
  developments: ReadDevelopment[];
  /** Developments read but tied to no incident on the text's evidence: shown and counted, never stored. */
  unlinked: ReadDevelopment[];
  notes: string[];
}

export interface ExtractOptions {
  /** The caller's publication date, used when the article carries none. */
  published?: PartialDate;
  /** Today, for an article with no date at all. */
  today?: () => Date;
  /** Filled with the triggers that gave nothing, and why (tests and tuning). */
  dropped?: (Dropped & { sentence: number })[];
}

/** Acts that mean nothing without someone doing them. */
const NEEDS_AUTHOR: ReadonlySet<DevelopmentType> = new Set([
  'condemnation',
  'sanction',
  'summons',
  'expulsion',
  'indictment',
  'policy',
  'statement',
  'inquiry',
  'investigation',
  'denial',
  'disclosure',
]);
/** Acts that, told right after another sentence's, are about the same incident. */
const CONTINUING: ReadonlySet<DevelopmentType> = new Set([
  'statement',
  'policy',
  'condemnation',
  'inquiry',
  'denial',
  'investigation',
]);
/** "ces piratages", "l'incident", "the attack": the sentence goes on about the previous one's incident. */
const ANAPHORA =
  /\b(ces|cette|cet|ce|l['’]|les|these|this|the|such)\s*(piratages?|attaques?|cyberattaques?|intrusions?|incidents?|accusations?|faits|agissements|op[ée]rations?|hacks?|attacks?|breach(es)?|intrusions?|operations?|campaigns?|campagnes?|allegations?|activit[ée]s|activities|br[èêe]ches?|failles?|violations?|fuites?|leaks?)\b/i;
const PRONOUN_START = /^(il|elle|ils|elles|celle-ci|celles-ci|celui-ci|ceux-ci|it|they|these|those|this)\b/i;

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

/**
 * Reads one article into incidents, actors and dated developments against the knowledge base
 * in `lex`. Pure: the same article and knowledge base always give the same reading.
 */
export function extract(article: Article, lex: Lexicon, opts: ExtractOptions = {}): Extraction {
  const notes: string[] = [];
  const { published, publishedFrom } = publicationOf(article, opts, notes);
  const language = detectLanguage(article.text, article.declaredLanguage);
  const base: Extraction = {
    sourceId: contentHash(article.text),
    language,
    read: false,
    published,
    publishedFrom,
    title: article.title,
    url: article.url,
    text: article.text,
    incidents: [],
    newIncidents: [],
    actors: [],
    developments: [],
    unlinked: [],
    notes,
  };
  if (!isReadLanguage(language)) {
    notes.push(`language "${language}" is recognised but not read: only French and English articles are read`);
    return base;
  }
  const lang = language;
  const text = repairBrokenWords(article.text, lex.vocabulary);
  // The title is read for names (an incident named only there still sets the topic), never for acts.
  const title =
    article.title && !text.startsWith(article.title) ? [{ text: article.title, paragraph: -1, heading: true }] : [];
  const readings: Reading[] = [...title, ...articleSentences(text, lang)].map((s, index) => {
    const tokens = tokenize(s.text);
    const mentions = findMentions(tokens, lex);
    const triggers = s.heading ? [] : findTriggers(tokens, lang);
    return { s, index, tokens, mentions, triggers, drafts: [], linked: [], events: [] };
  });
  resolveAmbiguous(readings, lex);
  addBareCouncils(readings, lex);

  const councilOf = councilFinder(lex);
  const kindOf = (id: string) => {
    const a = lex.actors.get(id);
    return a ? { kind: a.kind, country: a.country } : undefined;
  };
  const dropped: Dropped[] = [];
  for (const r of readings) {
    if (r.triggers.length === 0) continue;
    const before = dropped.length;
    // Dates cost the most to read (chrono): only the clauses that report something are read for them.
    const dates = (from: number, to: number) => findDates(r.s.text, lang, published, from, to);
    r.drafts = readSentence(
      { tokens: r.tokens, mentions: r.mentions, triggers: r.triggers, dates, councilOf, kindOf },
      dropped,
    );
    for (const d of dropped.slice(before)) if (d.why === 'part-of-act') r.events.push({ start: d.at, end: d.end });
    if (opts.dropped) for (const d of dropped.slice(before)) opts.dropped.push({ ...d, sentence: r.index });
  }
  inheritParties(readings, lex);
  keepVictimsOffMeasures(readings, lex);

  // First pass: incidents named or described near each development.
  const topicScore = new Map<string, number>();
  for (const r of readings) {
    for (const m of r.mentions) if (m.incident) topicScore.set(m.id, (topicScore.get(m.id) ?? 0) + 3);
    for (const [id, score] of keywordScores(r.tokens, 0, r.tokens.length, lex))
      if (score >= 1) topicScore.set(id, (topicScore.get(id) ?? 0) + 1);
    r.linked = r.drafts.map((d) => {
      const attackDates = r.drafts
        .filter((o) => o.type === 'attack' && o.date && o.clause.start === d.clause.start)
        .map((o) => o.date as PartialDate);
      const date = d.date ?? published;
      const region = regionOf(r, d);
      const near = namedIn(r.mentions, region.start, region.end);
      const named = near.length > 0 ? near : namedIn(r.mentions, 0, r.tokens.length);
      return linkIncidents(
        {
          type: d.type,
          named,
          keywords: keywordScores(r.tokens, region.start, region.end, lex),
          date,
          dateKnown: d.date !== undefined,
          by: d.by,
          against: d.against,
          attackDates,
          mentioned: r.mentions
            .filter((m) => !m.incident && m.start >= region.start && m.end <= region.end)
            .map((m) => m.id),
        },
        lex,
      );
    });
    for (const ids of r.linked) for (const id of ids) topicScore.set(id, (topicScore.get(id) ?? 0) + 1);
  }
  // The topic must be named in the article (by its name or an alias) or be what some development was
  // linked to on its own evidence: distinctive words scattered over the article are not enough.
  const named = new Set(
    readings.flatMap((r) => [...r.mentions.filter((m) => m.incident).map((m) => m.id), ...r.linked.flat()]),
  );
  const topic = [...topicScore.entries()]
    .filter(
      ([id, s]) =>
        s >= 1 &&
        named.has(id) &&
        lex.incidents.has(id) &&
        compatibleDate(lex.incidents.get(id) as Incident, published),
    )
    .sort((a, b) => b[1] - a[1])[0]?.[0];

  // Second pass: what names no incident continues the previous sentence's, or the article's topic.
  let previous: string[] = [];
  const touched = new Set<string>();
  for (const r of readings) {
    const anaphoric = ANAPHORA.test(r.s.text) || PRONOUN_START.test(r.s.text);
    r.drafts.forEach((d, i) => {
      if ((r.linked[i] as string[]).length > 0) return;
      const date = d.date ?? published;
      const continues =
        CONTINUING.has(d.type) &&
        r.index > 0 &&
        (readings[r.index - 1] as Reading).s.paragraph >= r.s.paragraph - 1 &&
        (readings[r.index - 1] as Reading).linked.some((ids) => ids.length > 0);
      if ((anaphoric || continues) && previous.length > 0) {
        r.linked[i] = previous.filter((id) => compatibleDate(lex.incidents.get(id) as Incident, date));
        if ((r.linked[i] as string[]).length > 0) return;
      }
      if (topic) {
        const inc = lex.incidents.get(topic) as Incident;
        const actors = incidentActors(inc);
        const parties = [...d.by, ...d.against];
        const related = (a: string) =>
          actors.has(a) || actors.has(lex.actors.get(a)?.country ?? '') || actors.has(lex.actors.get(a)?.parent ?? '');
        // A state or group blamed or hit that the incident does not know points elsewhere; people and bodies do not.
        const agrees =
          d.against.length === 0 ||
          parties.some(related) ||
          d.against.every((a) => {
            const k = lex.actors.get(a)?.kind;
            return k === 'person' || k === 'organisation';
          });
        const nearNamed = d.type !== 'attack' || d.against.length > 0 || nearTopic(readings, r.index, topic);
        if (compatibleDate(inc, date) && agrees && nearNamed) r.linked[i] = [topic];
      }
    });
    const here = [...new Set(r.linked.flat())];
    if (here.length > 0) previous = here;
    for (const id of here) touched.add(id);
  }

  // Developments that name no author, and attacks with no victim, no incident and no date say too little.
  const kept: { r: Reading; d: Draft; incidents: string[] }[] = [];
  const specific = (r: Reading | undefined) =>
    r?.drafts.some(
      (d, i) =>
        d.type === 'attack' && (d.against.length > 0 || d.date !== undefined || (r.linked[i] as string[]).length > 0),
    ) ?? false;
  for (const r of readings) {
    r.drafts.forEach((d, i) => {
      const incidents = r.linked[i] as string[];
      if (NEEDS_AUTHOR.has(d.type) && d.by.length === 0) return;
      // "Les pirates réclament une rançon": vague on its own, kept when it goes on about an attack told next to it.
      if (
        d.type === 'attack' &&
        d.against.length === 0 &&
        incidents.length === 0 &&
        !d.date &&
        !specific(readings[r.index - 1]) &&
        !specific(readings[r.index + 1])
      )
        return;
      kept.push({ r, d, incidents });
    });
  }

  const developments: ReadDevelopment[] = [];
  const unlinked = kept.filter((k) => k.incidents.length === 0);
  let created: Incident | undefined;
  // A new incident needs an operation the article reports: an attack with a victim and a time of its own.
  // Policy, norms, treaties and regime renewals name no victim: their developments stay unlinked.
  const subjectFirst = (k: (typeof unlinked)[number]) =>
    k.r.triggers.some((t) => t.start === k.d.trigger.start && t.spec.frame === 'victim') ||
    /(^|\s)(été|was|were)(\s|$)/.test(k.r.s.text.slice(0, (k.r.tokens[k.d.trigger.start] as Token).start));
  const reportsOperation = (k: (typeof unlinked)[number]): boolean => {
    if (k.d.date === undefined) return false;
    if (k.d.type === 'attack') {
      const spec = k.r.triggers.find((t) => t.start === k.d.trigger.start)?.spec;
      return (
        k.d.against.length > 0 ||
        subjectFirst(k) ||
        (spec?.noun === true
          ? targetAfter(k.r.tokens, k.d.trigger.end, TARGET_PREP)
          : targetAfter(k.r.tokens, k.d.trigger.end, OBJECT_START))
      );
    }
    // "accusent X d'avoir mené des cyberattaques contre son ministère": the act's own date, the attack's target.
    return (
      ACCUSING.has(k.d.type) &&
      k.d.against.length > 0 &&
      k.r.events.some((e) => targetAfter(k.r.tokens, e.end, TARGET_PREP))
    );
  };
  if (!topic && unlinked.some(reportsOperation)) {
    const victimAt = (k: (typeof unlinked)[number]) =>
      k.r.mentions.find((m) => !m.incident && k.d.against.includes(m.id))?.start;
    const events: EventEvidence[] = [
      ...unlinked
        .filter((k) => k.d.type === 'attack')
        .map((k) => ({
          tokens: k.r.tokens,
          after: k.d.trigger.end,
          victim: victimAt(k),
          subjectFirst: subjectFirst(k),
          text: k.r.s.text,
          date: k.d.date ?? published,
        })),
      ...unlinked.flatMap((k) =>
        k.r.events.map((e) => ({ tokens: k.r.tokens, after: e.end, text: k.r.s.text, date: k.d.date ?? published })),
      ),
      ...unlinked
        .filter((k) => k.d.type !== 'attack')
        .map((k) => ({ tokens: k.r.tokens, after: k.d.trigger.end, text: k.r.s.text, date: k.d.date ?? published })),
    ];
    created = buildNewIncident({
      lang,
      published,
      events,
      allTokens: readings.map((r) => r.tokens),
      developments: unlinked.map((k) => ({
        type: k.d.type,
        by: k.d.by,
        against: k.d.against,
        date: k.d.date ?? published,
      })),
      lex,
      takenIds: new Set(lex.incidents.keys()),
    });
    for (const k of unlinked) if (k.d.type !== 'policy') k.incidents = [created.id];
  }
  const loose: ReadDevelopment[] = [];
  for (const k of kept) {
    (k.incidents.length === 0 ? loose : developments).push({
      type: k.d.type,
      stance: k.d.stance,
      date: dateOf(k.d, k.incidents, published, lex),
      by: k.d.by,
      against: k.d.against,
      incidents: k.incidents,
      evidence: evidenceOf(k.r, k.d),
      sentence: k.r.index,
    });
  }
  const merged = continueAttacks(dedupe(developments), readings);

  const incidentIds = [
    ...new Set([
      ...merged.flatMap((d) => d.incidents),
      ...readings.flatMap((r) => r.mentions.filter((m) => m.incident).map((m) => m.id)),
    ]),
  ];
  base.incidents = incidentIds.map((id) => {
    if (created && id === created.id) return { id, name: created.name, match: 'new' as const };
    const inc = lex.incidents.get(id) as Incident;
    return { id, name: inc.name, match: 'existing' as const };
  });
  base.newIncidents = created ? [created] : [];
  // Every actor named, and those the developments name through others (a council for its ministers).
  base.actors = [
    ...new Set([
      ...readings.flatMap((r) => r.mentions.filter((m) => !m.incident).map((m) => m.id)),
      ...merged.flatMap((d) => [...d.by, ...d.against]),
      ...loose.flatMap((d) => [...d.by, ...d.against]),
    ]),
  ];
  base.developments = merged;
  base.unlinked = dedupe(loose);
  if (base.unlinked.length > 0)
    notes.push(`${base.unlinked.length} development(s) tied to no incident the article names: shown, not stored`);
  base.read = true;
  base.text = text;
  if (merged.length + base.unlinked.length === 0) notes.push('no development found in this article');
  return base;
}

function publicationOf(
  article: Article,
  opts: ExtractOptions,
  notes: string[],
): { published: PartialDate; publishedFrom: Extraction['publishedFrom'] } {
  if (article.published) return { published: article.published, publishedFrom: 'article' };
  if (opts.published) return { published: opts.published, publishedFrom: 'caller' };
  const today = (opts.today ?? (() => new Date()))().toISOString().slice(0, 10);
  notes.push(
    `no publication date in the article or given by the caller: relative dates are read from today (${today})`,
  );
  return { published: today, publishedFrom: 'clock' };
}

/** Where a development's own words are: from the start of its clause (or the previous act) to the next act; an attack's, around it. */
function regionOf(r: Reading, d: Draft): { start: number; end: number } {
  if (d.type === 'attack')
    return { start: Math.max(d.clause.start, d.trigger.start - 8), end: Math.min(d.clause.end, d.trigger.end + 10) };
  const prev = r.triggers.filter((t) => t.end <= d.trigger.start && t.start >= d.clause.start).pop();
  const next = r.triggers.find((t) => t.start >= d.trigger.end && t.start < d.clause.end && t.spec.type !== 'attack');
  return { start: prev ? prev.end : d.clause.start, end: next ? next.start : d.clause.end };
}

/** Acts only a state, a public body or an international organisation takes. */
const MEASURES: ReadonlySet<DevelopmentType> = new Set(['sanction', 'indictment', 'summons', 'expulsion']);

/**
 * The one hit is never the author of a sanction, an indictment, a summons or an expulsion ("the Sony
 * sanctions story"), nor is a threat group: such a name read as the author is a misreading. A victim
 * that is a public body of its state (a ministry hit, then summoning an envoy) may still act.
 */
function keepVictimsOffMeasures(readings: Reading[], lex: Lexicon): void {
  const victims = new Set<string>();
  for (const r of readings)
    for (const d of r.drafts) if (d.type === 'attack') for (const id of d.against) victims.add(id);
  const cannotAct = (id: string) => {
    const a = lex.actors.get(id);
    if (!a) return false;
    if (a.kind === 'group') return true;
    const publicBody = a.parent !== undefined && lex.actors.get(a.parent)?.kind === 'state';
    return victims.has(id) && a.kind === 'organisation' && !publicBody;
  };
  for (const r of readings)
    for (const d of r.drafts) if (MEASURES.has(d.type)) d.by = d.by.filter((id) => !cannotAct(id));
}

const ACCUSING: ReadonlySet<DevelopmentType> = new Set(['attribution', 'indictment', 'sanction', 'condemnation']);
/** Words that open what an attack noun hit: "attaque contre l'hôpital", "attack on the network". */
const TARGET_PREP = /^(contre|against|on|visant|targeting|sur|into)$/;
/** Words that open the object of an attack verb: "broke into the accounts", "a paralysé les serveurs". */
const OBJECT_START = /^(the|its|their|his|her|le|la|les|l'|des|du|ses|son|sa|leurs|leur|into|dans)$/;

/** What an attack hit, told right after it: an object or a target phrase within the next three words. */
function targetAfter(tokens: readonly Token[], from: number, opener: RegExp): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 3); k++) {
    const t = tokens[k] as Token;
    if (!t.word) return false;
    if (opener.test(t.norm)) {
      const next = tokens[k + 1];
      return next !== undefined && next.word;
    }
  }
  return false;
}

/** An attack with no victim of its own belongs to the topic only if told next to where the topic is named. */
function nearTopic(readings: Reading[], at: number, topic: string): boolean {
  for (let k = Math.max(0, at - 1); k <= Math.min(readings.length - 1, at + 1); k++) {
    const r = readings[k] as Reading;
    if (r.mentions.some((m) => m.incident && m.id === topic)) return true;
    if (k !== at && r.linked.some((ids) => ids.includes(topic))) return true;
  }
  return false;
}

function dateOf(d: Draft, incidents: string[], published: PartialDate, lex: Lexicon): PartialDate {
  if (d.date) return d.date;
  if (d.type === 'attack') {
    // An attack told without a date is the incident's own, not news of the publication day.
    const inc = lex.incidents.get(incidents[0] ?? '');
    if (inc && startOf(inc.period.start) <= endOf(published)) return inc.period.start;
  }
  return published;
}

function evidenceOf(r: Reading, d: Draft): string {
  const text = r.s.text;
  if (text.length <= 320) return text;
  const from = (r.tokens[d.clause.start] as Token).start;
  const to = (r.tokens[d.clause.end - 1] as Token).end;
  const clause = text.slice(from, to).trim();
  return clause.length >= 40 ? clause : text;
}

/** Same act, same parties, same date, same incidents, told twice in one article: one development. */
function dedupe(devs: ReadDevelopment[]): ReadDevelopment[] {
  const out: ReadDevelopment[] = [];
  const key = (d: ReadDevelopment) =>
    [
      d.type,
      d.date,
      [...d.by].sort().join(','),
      [...d.against].sort().join(','),
      [...d.incidents].sort().join(','),
    ].join('|');
  const seen = new Set<string>();
  for (const d of devs) {
    const k = key(d);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}

/** "Elles ont touché trente mille entités": a pronoun sentence adding to the previous attack joins its evidence. */
function continueAttacks(devs: ReadDevelopment[], readings: Reading[]): ReadDevelopment[] {
  const out: ReadDevelopment[] = [];
  for (const d of devs) {
    const r = readings[d.sentence] as Reading;
    const prev = out.filter((o) => o.type === 'attack' && o.sentence === d.sentence - 1).pop();
    if (
      d.type === 'attack' &&
      prev &&
      PRONOUN_START.test(r.s.text) &&
      d.against.length === 0 &&
      prev.incidents.some((id) => d.incidents.includes(id))
    ) {
      prev.evidence = `${prev.evidence} ${r.s.text}`;
      continue;
    }
    out.push(d);
  }
  return out;
}
