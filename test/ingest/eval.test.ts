import { FIELDS, labelledArticles, macroF1, prf, scoreAll } from '../eval/ingest.eval';
import { lexicon } from './support';

/** A guard against regressions on the labelled development set; `npm run eval` prints the figures. */
describe('the labelled development set', () => {
  it('has at least 30 articles, half in French and half in English, each with its label', () => {
    const set = labelledArticles();
    expect(set.length).toBeGreaterThanOrEqual(30);
    const fr = set.filter((a) => a.label.language === 'fr').length;
    expect(Math.abs(fr - (set.length - fr))).toBeLessThanOrEqual(1);
    for (const a of set) expect(a.label.developments.length).toBeGreaterThan(0);
  });

  it("is read with an F1 of at least 0.8 on every field, 0.95 macro-F1 on issue 14's five, no invented incident", () => {
    const score = scoreAll(lexicon());
    for (const f of FIELDS) expect([f, prf(score.totals[f]).f1 >= 0.8]).toEqual([f, true]);
    expect(macroF1(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.invented).toBe(0);
    expect(score.language).toBe(score.articles);
    expect(score.month).toBe(score.articles);
  });
});
