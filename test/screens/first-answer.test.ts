import { composeBrief } from '../../src/brief/compose';
import type { Brief } from '../../src/domain/brief';
import type { Locale } from '../../src/domain/text';
import { typographyFaults } from '../../src/lang/french-typography';
import { renderBrief as slackBrief } from '../../adapters/slack/render-brief';
import { renderBrief as teamsBrief } from '../../adapters/teams/render-brief';
import { kbCatalog, kbSubjects } from '../support/kb-catalog';
import { slackVisibleLines, teamsVisibleLines, visibleChars } from '../support/visible-text';

/** A phone screen at 390 px holds about this much text, counted as a reader sees it. */
const BUDGET = 900;
const { catalog } = kbCatalog();
const DATED = /^(\d{1,2}[–-]?\d{0,2} )?[A-Za-zéû.]+ \d{4}|^\d{4}\b/;

function check(lines: string[], locale: Locale): string[] {
  const problems: string[] = [];
  const chars = visibleChars(lines);
  if (chars > BUDGET) problems.push(`${chars} visible characters`);
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l)) problems.push(`repeated line: ${l}`);
    seen.add(l);
    if (/denied|démenti|rejected|rejeté/.test(l) && /→/.test(l)) problems.push(`arrow on a denial: ${l}`);
    if (DATED.test(l) && / — /.test(l) && !/\[\d+\]$/.test(l)) problems.push(`dated line without [n]: ${l}`);
    for (const f of typographyFaults(l, locale)) problems.push(f);
  }
  return problems;
}

describe.each(['en', 'fr'] as const)('the first answer to every lookup of the knowledge base (%s)', (locale) => {
  const briefs: Brief[] = kbSubjects().map(({ kind, id }) =>
    composeBrief(catalog, { status: 'found', hit: { kind, id, name: id, score: 1 } }, id, locale),
  );

  it('fits a phone screen in Slack, repeats no line, cites every dated line', () => {
    let largest = 0;
    for (const b of briefs) {
      const lines = slackVisibleLines(slackBrief(b, { ephemeral: true }));
      largest = Math.max(largest, visibleChars(lines));
      expect({ id: b.subject!.id, problems: check(lines, locale) }).toEqual({ id: b.subject!.id, problems: [] });
    }
    expect(largest).toBeGreaterThan(300);
  });

  it('fits a phone screen in Teams, repeats no line, cites every dated line', () => {
    for (const b of briefs) {
      const lines = teamsVisibleLines(teamsBrief(b).card as unknown as Record<string, unknown>);
      expect({ id: b.subject!.id, problems: check(lines, locale) }).toEqual({ id: b.subject!.id, problems: [] });
    }
  });
});
