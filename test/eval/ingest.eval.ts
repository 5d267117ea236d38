import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadKnowledgeBase } from '../../src/kb/load';
import { findMentions } from '../../src/ingest/entities';
import { type Extraction, extract } from '../../src/ingest/extract';
import { Lexicon } from '../../src/ingest/lexicon/lexicon';
import { readArticle } from '../../src/ingest/read/read-article';
import { tokenize } from '../../src/ingest/text/tokens';

/**
 * `npm run eval` for ingestion: reads every labelled article of test/fixtures/articles and scores
 * the reading field by field (micro-averaged precision, recall and F1 over the whole set).
 * EVAL_VERBOSE=1 prints, per article, what was expected and not read, and read but not expected.
 */
export const FIXTURES = join(__dirname, '..', 'fixtures', 'articles');

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

const key = (ids: string[] | undefined) => [...(ids ?? [])].sort().join(',');

/** The fields of a label, as sets of comparable strings. */
export function expectedSets(label: Label, lex: Lexicon): Sets {
  const incident = new Set(
    label.incidents.map((i) => {
      if (typeof i === 'string') return i;
      // A "new" incident the knowledge base has since learned is expected to be linked instead.
      const known = findMentions(tokenize(i.new), lex).find((m) => m.incident);
      return known ? known.id : 'new';
    }),
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
  for (const d of x.developments) {
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
    attributing: new Set(x.developments.filter((d) => d.type === 'attribution').flatMap((d) => d.by)),
    types: new Set(x.developments.map((d) => d.type)),
    dates: new Set(x.developments.map((d) => `${d.type}@${d.date}`)),
    stance: new Set(
      x.developments.filter((d) => d.stance && d.type === 'attribution').map((d) => `${key(d.against)}:${d.stance}`),
    ),
    developments: new Set(x.developments.map((d) => `${d.type}@${d.date} by[${key(d.by)}] against[${key(d.against)}]`)),
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

/** Scores every labelled article; returns the per-field totals and, per article, the differences. */
export function scoreAll(
  lex: Lexicon,
  dir = FIXTURES,
): { totals: Record<Field, Score>; diffs: { name: string; missed: string[]; extra: string[] }[] } {
  const totals = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Score>;
  const diffs: { name: string; missed: string[]; extra: string[] }[] = [];
  for (const { name, file, label } of labelledArticles(dir)) {
    const r = readArticle(readFileSync(file), file);
    const x: Extraction | undefined = r.ok
      ? extract(r.article, lex, { published: String(label.published) })
      : undefined;
    const exp = expectedSets(label, lex);
    const got = x ? predictedSets(x, lex) : (Object.fromEntries(FIELDS.map((f) => [f, new Set<string>()])) as Sets);
    const missed: string[] = [];
    const extra: string[] = [];
    for (const f of FIELDS) {
      for (const v of exp[f]) {
        if (got[f].has(v)) totals[f].tp++;
        else {
          totals[f].fn++;
          missed.push(`${f}: ${v}`);
        }
      }
      for (const v of got[f]) {
        if (!exp[f].has(v)) {
          totals[f].fp++;
          extra.push(`${f}: ${v}`);
        }
      }
    }
    diffs.push({ name, missed, extra });
  }
  return { totals, diffs };
}

export async function evaluate(): Promise<Record<string, string | number>> {
  const kb = loadKnowledgeBase();
  const lex = new Lexicon(kb.actors, kb.incidents);
  const { totals, diffs } = scoreAll(lex);
  if (process.env.EVAL_VERBOSE) {
    for (const d of diffs) {
      if (d.missed.length + d.extra.length === 0) continue;
      process.stdout.write(
        `  ${d.name}\n${d.missed.map((m) => `      - ${m}\n`).join('')}${d.extra.map((m) => `      + ${m}\n`).join('')}`,
      );
    }
  }
  const out: Record<string, string | number> = { articles: diffs.length };
  for (const f of FIELDS) {
    const { p, r, f1 } = prf(totals[f]);
    out[`${f} P/R/F1`] = `${p.toFixed(2)} / ${r.toFixed(2)} / ${f1.toFixed(2)}`;
  }
  return out;
}
