import { readFileSync } from 'node:fs';
import { FIXTURES, labelledArticles, UNSEEN_TUNE } from '../eval/ingest.eval';
import { extract } from '../../src/ingest/extract';
import { readArticle } from '../../src/ingest/read/read-article';
import { lexicon } from './support';

/**
 * A policy-only text (a norm, a treaty, a regime renewal: its label names no new incident and
 * reports no attack) never creates an incident. The held half of the unseen set is left out: it is
 * scored once, by `npm run eval -- --held`.
 */
const policyOnly = [...labelledArticles(FIXTURES), ...labelledArticles(UNSEEN_TUNE)].filter(
  ({ label }) =>
    label.incidents.every((i) => typeof i === 'string') && label.developments.every((d) => d.type !== 'attack'),
);

describe('policy-only articles', () => {
  it('are found in both sets, in both languages', () => {
    expect(policyOnly.length).toBeGreaterThanOrEqual(6);
    expect(new Set(policyOnly.map((a) => a.label.language))).toEqual(new Set(['en', 'fr']));
  });

  it.each(policyOnly.map((a) => [a.name, a.file] as const))('%s creates no incident', (_name, file) => {
    const r = readArticle(readFileSync(file), file);
    if (!r.ok) throw new Error(r.problem);
    const x = extract(r.article, lexicon());
    expect(x.newIncidents.map((i) => i.id)).toEqual([]);
    expect(x.incidents.filter((i) => i.match === 'new')).toEqual([]);
  });
});
