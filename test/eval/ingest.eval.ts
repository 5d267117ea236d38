import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadKnowledgeBase } from '../../src/kb/load';
import { findMentions } from '../../src/ingest/entities';
import { type Extraction, extract } from '../../src/ingest/extract';
import { Lexicon } from '../../src/ingest/lexicon/lexicon';
import { readArticle } from '../../src/ingest/read/read-article';
import { tokenize } from '../../src/ingest/text/tokens';
import {
  allDevelopments,
  expectedReading,
  invented,
  linkingCounts,
  predictedReading,
  READING_FIELDS,
  type ReadingField,
} from './reading-fields';

/**
 * `npm run eval` for ingestion: reads every labelled article of a set and scores the reading field
 * by field (micro-averaged precision, recall and F1 over the set), for the development set
 * (test/fixtures/articles) and the tuning half of the unseen set. The held half of the unseen set
 * is scored only by `npm run eval -- --held`, once, at the end of a piece of work.
 * EVAL_VERBOSE=1 prints, per article, what was expected and not read, and read but not expected
 * (never for the held half).
 */
export const FIXTURES = join(__dirname, '..', 'fixtures', 'articles');
export const UNSEEN_TUNE = join(__dirname, '..', 'fixtures', 'articles-unseen', 'tune');
export const UNSEEN_HELD = join(__dirname, '..', 'fixtures', 'articles-unseen', 'held');

interface LabelDev {
  type: string;
  date: string | number;
  by?: string[];
  against?: string[];
  stance?: string;
}
export interface Label {
  language: string;
  published: string | number;
  incidents: (string | { new: string })[];
  states: string[];
  groups: string[];
  attributing: string[];
  developments: LabelDev[];
}

export const FIELDS = [
  'language',
  'incident',
  'states',
  'groups',
  'attributing',
  'types',
  'dates',
  'stance',
  'developments',
] as const;
export type Field = (typeof FIELDS)[number];
type Sets = Record<Field, Set<string>>;

export function labelledArticles(dir = FIXTURES): { name: string; file: string; label: Label }[] {
  const files = readdirSync(dir).sort();
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((y) => {
      const base = y.slice(0, -'.yaml'.length);
      const file = files.find((f) => f !== y && f.startsWith(`${base}.`));
      if (!file) throw new Error(`${y}: no article file next to the label`);
      return { name: base, file: join(dir, file), label: parseYaml(readFileSync(join(dir, y), 'utf8')) as Label };
    });
}

/** A "new" incident the knowledge base has since learned is expected to be linked instead. */
export function knownIncident(name: string, lex: Lexicon): string | undefined {
  return findMentions(tokenize(name), lex).find((m) => m.incident)?.id;
}

const key = (ids: string[] | undefined) => [...(ids ?? [])].sort().join(',');

/** The fields of a label, as sets of comparable strings. */
export function expectedSets(label: Label, lex: Lexicon): Sets {
  const incident = new Set(
    label.incidents.map((i) => (typeof i === 'string' ? i : (knownIncident(i.new, lex) ?? 'new'))),
  );
  const devs = label.developments.map((d) => ({ ...d, date: String(d.date) }));
  return {
    language: new Set([label.language]),
    incident,
    states: new Set(label.states),
    groups: new Set(label.groups),
    attributing: new Set(label.attributing),
    types: new Set(devs.map((d) => d.type)),
    dates: new Set(devs.map((d) => `${d.type}@${d.date}`)),
    stance: new Set(devs.filter((d) => d.stance).map((d) => `${key(d.against)}:${d.stance}`)),
    developments: new Set(devs.map((d) => `${d.type}@${d.date} by[${key(d.by)}] against[${key(d.against)}]`)),
  };
}

/** The same fields read off an extraction; states include the state a ministry or agency acts for. */
export function predictedSets(x: Extraction, lex: Lexicon): Sets {
  const created = new Set(x.newIncidents.map((i) => i.id));
  const kind = (id: string) => lex.actors.get(id)?.kind;
  const states = new Set<string>();
  const groups = new Set<string>();
  const devs = allDevelopments(x);
  for (const d of devs) {
    for (const id of [...d.by, ...d.against]) {
      if (kind(id) === 'state') states.add(id);
      if (kind(id) === 'group') groups.add(id);
    }
    for (const id of d.by) {
      // A ministry or agency acts for its state; a company does not.
      const a = lex.actors.get(id);
      if (a?.kind === 'organisation' && a.country && !isCompany(a)) states.add(a.country);
    }
  }
  return {
    language: new Set([x.language]),
    incident: new Set(x.developments.flatMap((d) => d.incidents.map((i) => (created.has(i) ? 'new' : i)))),
    states,
    groups,
    attributing: new Set(devs.filter((d) => d.type === 'attribution').flatMap((d) => d.by)),
    types: new Set(devs.map((d) => d.type)),
    dates: new Set(devs.map((d) => `${d.type}@${d.date}`)),
    stance: new Set(
      devs.filter((d) => d.stance && d.type === 'attribution').map((d) => `${key(d.against)}:${d.stance}`),
    ),
    developments: new Set(devs.map((d) => `${d.type}@${d.date} by[${key(d.by)}] against[${key(d.against)}]`)),
  };
}

function isCompany(a: { description?: { en: string } }): boolean {
  return /\b(company|firm|vendor|maker|provider|operator|developer|giant|security vendor)\b/i.test(
    a.description?.en ?? '',
  );
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
export function prf(s: Score): { p: number; r: number; f1: number } {
  const p = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const r = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface SetScore {
  articles: number;
  totals: Record<Field, Score>;
  reading: Record<ReadingField, Score>;
  language: number;
  month: number;
  /** New incidents read from articles whose label names none. */
  invented: number;
  /** Articles whose label names no new incident. */
  noNew: number;
  linking: { correct: number; links: number };
  /** Developments read but tied to no incident. */
  unlinked: number;
  diffs: { name: string; missed: string[]; extra: string[] }[];
}

const zero = (): Score => ({ tp: 0, fp: 0, fn: 0 });

function compare<F extends string>(
  fields: readonly F[],
  exp: Record<F, Set<string>>,
  got: Record<F, Set<string>>,
  totals: Record<F, Score>,
  missed: string[],
  extra: string[],
  prefix = '',
): void {
  for (const f of fields) {
    for (const v of exp[f]) {
      if (got[f].has(v)) totals[f].tp++;
      else {
        totals[f].fn++;
        missed.push(`${prefix}${f}: ${v}`);
      }
    }
    for (const v of got[f]) {
      if (!exp[f].has(v)) {
        totals[f].fp++;
        extra.push(`${prefix}${f}: ${v}`);
      }
    }
  }
}

/** Scores every labelled article of a set; returns the per-field totals and, per article, the differences. */
export function scoreAll(lex: Lexicon, dir = FIXTURES): SetScore {
  const totals = Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Score>;
  const reading = Object.fromEntries(READING_FIELDS.map((f) => [f, zero()])) as Record<ReadingField, Score>;
  const out: SetScore = {
    articles: 0,
    totals,
    reading,
    language: 0,
    month: 0,
    invented: 0,
    noNew: 0,
    linking: { correct: 0, links: 0 },
    unlinked: 0,
    diffs: [],
  };
  const known = (name: string) => knownIncident(name, lex);
  for (const { name, file, label } of labelledArticles(dir)) {
    out.articles++;
    const r = readArticle(readFileSync(file), file);
    const x: Extraction | undefined = r.ok
      ? extract(r.article, lex, { published: String(label.published) })
      : undefined;
    const exp = expectedSets(label, lex);
    const got = x ? predictedSets(x, lex) : (Object.fromEntries(FIELDS.map((f) => [f, new Set<string>()])) as Sets);
    const missed: string[] = [];
    const extra: string[] = [];
    compare(FIELDS, exp, got, totals, missed, extra);
    const expR = expectedReading(label, lex, known);
    if (x) {
      compare(READING_FIELDS, expR, predictedReading(x, lex), reading, missed, extra, '5/');
      if (x.language === label.language) out.language++;
      if (x.published.slice(0, 7) === String(label.published).slice(0, 7)) out.month++;
      out.invented += invented(label, x);
      const l = linkingCounts(x, expR.incidents);
      out.linking.correct += l.correct;
      out.linking.links += l.links;
      out.unlinked += x.unlinked.length;
      if (invented(label, x) > 0) extra.push(`invented: ${x.newIncidents.map((i) => i.id).join(', ')}`);
    } else {
      for (const f of READING_FIELDS) reading[f].fn += expR[f].size;
    }
    if (!label.incidents.some((i) => typeof i !== 'string')) out.noNew++;
    out.diffs.push({ name, missed, extra });
  }
  return out;
}

export function macroF1(s: SetScore): number {
  return READING_FIELDS.reduce((sum, f) => sum + prf(s.reading[f]).f1, 0) / READING_FIELDS.length;
}

function figures(title: string, s: SetScore, withOld: boolean): Record<string, string | number> {
  const fmt = (sc: Score) => {
    const { p, r, f1 } = prf(sc);
    return `${p.toFixed(2)} / ${r.toFixed(2)} / ${f1.toFixed(2)}`;
  };
  const out: Record<string, string | number> = { [`[${title}] articles`]: s.articles };
  if (withOld) for (const f of FIELDS) out[`[${title}] ${f} P/R/F1`] = fmt(s.totals[f]);
  for (const f of READING_FIELDS) out[`[${title}] issue-14 ${f} P/R/F1`] = fmt(s.reading[f]);
  out[`[${title}] issue-14 macro-F1 (five fields)`] = macroF1(s).toFixed(2);
  out[`[${title}] language accuracy`] = `${s.language}/${s.articles}`;
  out[`[${title}] publication month accuracy`] = `${s.month}/${s.articles}`;
  out[`[${title}] invented incidents (labels with no new one)`] = `${s.invented} (over ${s.noNew} articles)`;
  const lp = s.linking.links === 0 ? 1 : s.linking.correct / s.linking.links;
  out[`[${title}] linking precision (links to known incidents)`] =
    `${lp.toFixed(2)} (${s.linking.correct}/${s.linking.links})`;
  out[`[${title}] developments left unlinked`] = s.unlinked;
  return out;
}

function verbose(s: SetScore): void {
  for (const d of s.diffs) {
    if (d.missed.length + d.extra.length === 0) continue;
    process.stdout.write(
      `  ${d.name}\n${d.missed.map((m) => `      - ${m}\n`).join('')}${d.extra.map((m) => `      + ${m}\n`).join('')}`,
    );
  }
}

/** `npm run eval`: the development set and the tuning half; `--held`: the held half only. */
export async function evaluate(args: readonly string[] = []): Promise<Record<string, string | number>> {
  const kb = loadKnowledgeBase();
  const lex = new Lexicon(kb.actors, kb.incidents);
  if (args.includes('--held')) {
    // Never verbose: the held half's texts and labels stay unread while rules are tuned.
    return figures('held', scoreAll(lex, UNSEEN_HELD), true);
  }
  const old = scoreAll(lex, FIXTURES);
  const tune = scoreAll(lex, UNSEEN_TUNE);
  if (process.env.EVAL_VERBOSE) {
    verbose(old);
    verbose(tune);
  }
  return { ...figures('old', old, true), ...figures('tune', tune, true) };
}
