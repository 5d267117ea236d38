import { composeBrief } from '../../src/brief/compose';
import { SCREEN_TEXT_BUDGET, screenChars } from '../../src/brief/first-screen';
import { compareDates, endOf, startOf } from '../../src/domain/dates';
import type { Brief } from '../../src/domain/brief';
import type { FirstScreen } from '../../src/domain/screen';
import type { Locale } from '../../src/domain/text';
import { capitalise, nameForms } from '../../src/lang/articles';
import { typographyFaults } from '../../src/lang/french-typography';
import { kbCatalog, kbSubjects } from '../support/kb-catalog';

const { catalog } = kbCatalog();
const briefOf = (kind: 'incident' | 'actor', id: string, locale: Locale): Brief =>
  composeBrief(catalog, { status: 'found', hit: { kind, id, name: id, score: 1 } }, id, locale);
const screenOf = (kind: 'incident' | 'actor', id: string, locale: Locale): FirstScreen =>
  briefOf(kind, id, locale).screen!;
const shown = (s: FirstScreen) => [...s.attribution, ...s.denials, ...s.responses];

describe('statements generated from the developments', () => {
  it('merges the December 2017 WannaCry attributions into one line naming every state', () => {
    const s = screenOf('incident', 'wannacry', 'en');
    const line = s.attribution.find((l) => l.start.startsWith('2017-12'))!;
    expect(line.line).toMatch(
      /^1\d–20 Dec 2017 — The United States, .* attributed WannaCry to North Korea \(Lazarus Group\) \[\d+\]/,
    );
    for (const state of ['the United Kingdom', 'Canada', 'Australia', 'Japan']) expect(line.text).toContain(state);
    expect(line.cites.length).toBeGreaterThanOrEqual(5);
    expect(s.attribution.filter((l) => l.start.startsWith('2017-12'))).toHaveLength(1);
  });

  it('says the same in French, with articles and prepositions', () => {
    const s = screenOf('incident', 'wannacry', 'fr');
    const line = s.attribution.find((l) => l.start.startsWith('2017-12'))!;
    expect(line.line).toMatch(/^1\d–20 déc\. 2017 — Les États-Unis, .* ont attribué WannaCry à la Corée du Nord/);
    for (const state of ['le Royaume-Uni', 'le Canada', "l'Australie", 'le Japon']) expect(line.text).toContain(state);
  });

  it('tells a denial as a denial, naming what is denied, with its date after it', () => {
    const en = screenOf('incident', 'wannacry', 'en').denials[0]!;
    expect(en.line).toMatch(/^North Korea denied any role in WannaCry \(19 May 2017\) \[\d+\]$/);
    const fr = screenOf('incident', 'wannacry', 'fr').denials[0]!;
    expect(fr.line).toMatch(/^La Corée du Nord a démenti toute implication dans WannaCry \(19 mai 2017\) \[\d+\]$/);
  });

  it('names whom sanctions list and whom indictments charge', () => {
    const s = screenOf('incident', 'notpetya', 'en');
    const sanction = s.timeline.find((l) => l.type === 'sanction')!;
    expect(sanction.text).toMatch(/sanctioned .*the GRU/);
    const w = screenOf('incident', 'wannacry', 'en').timeline.find((l) => l.type === 'indictment')!;
    expect(w.text).toMatch(/charged Park Jin Hyok \(North Korea\)/);
  });

  it('tells a suspicion from an attribution', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const inc of catalog.incidents.values()) {
        for (const l of screenOf('incident', inc.id, locale).timeline) {
          if (l.kind === 'suspicion') expect(l.text).toMatch(locale === 'en' ? /suspect/i : /soupçon/i);
          if (l.kind === 'suspicion') expect(l.text).not.toMatch(/\battributed\b|a attribué|ont attribué/);
          if (l.kind === 'attribution') expect(l.text).toMatch(locale === 'en' ? /attributed/ : /attribué/);
        }
      }
    }
  });
});

describe.each(['en', 'fr'] as const)('every first screen of the knowledge base (%s)', (locale) => {
  const subjects = kbSubjects();
  const screens = subjects.map((s) => ({ ...s, brief: briefOf(s.kind, s.id, locale) }));

  it('covers every incident and every actor the knowledge base names', () => {
    expect(screens.length).toBeGreaterThan(catalog.incidents.size + 50);
    for (const s of screens) expect(s.brief.screen).toBeDefined();
  });

  it('fits its text budget, with at most three gist sentences, four attribution and four response lines', () => {
    for (const { brief } of screens) {
      const s = brief.screen!;
      expect(screenChars(s)).toBeLessThanOrEqual(SCREEN_TEXT_BUDGET);
      expect(s.gist.length).toBeLessThanOrEqual(3);
      expect(s.attribution.length).toBeLessThanOrEqual(4);
      expect(s.responses.length).toBeLessThanOrEqual(4);
    }
  });

  it('states no fact twice and cites every dated line with numbers of its Sources list', () => {
    for (const { id, brief } of screens) {
      const s = brief.screen!;
      const lines = shown(s).map((l) => l.line);
      expect({ id, dup: lines.length - new Set(lines).size }).toEqual({ id, dup: 0 });
      s.sources.forEach((src, i) => expect(src.n).toBe(i + 1));
      for (const l of [...shown(s), ...s.timeline]) {
        expect({ id, line: l.line, cited: l.cites.length > 0 }).toEqual({ id, line: l.line, cited: true });
        for (const n of l.cites) expect(n).toBeLessThanOrEqual(s.sources.length);
        expect(l.line.endsWith(l.cites.map((n) => `[${n}]`).join(''))).toBe(true);
        expect(l.line).not.toMatch(/→/);
      }
    }
  });

  it('has a header period that covers every dated line it shows', () => {
    for (const { id, brief } of screens) {
      const s = brief.screen!;
      for (const l of shown(s)) {
        expect(s.period).toBeDefined();
        const end = s.period!.end ?? s.period!.start;
        expect(s.periodLabel).toContain(end.slice(0, 4));
        expect({ id, ok: startOf(l.start) >= startOf(s.period!.start) && endOf(l.end) <= endOf(end) }).toEqual({
          id,
          ok: true,
        });
      }
    }
  });

  it('numbers the brief’s sources as its first screen does', () => {
    for (const { brief } of screens.filter((x) => x.kind === 'incident')) {
      const ids = brief.screen!.sources.map((x) => x.id);
      expect(brief.sources.slice(0, ids.length).map((x) => x.id)).toEqual(ids);
    }
  });

  it('says how current the knowledge base is', () => {
    const { brief } = screens[0]!;
    expect(brief.asOf).toMatch(/^\d{4}-\d{2}/);
    expect(brief.screen!.asOfLabel).toMatch(
      locale === 'en'
        ? /^Knowledge base as of [A-Z][a-z]+ \d{4}$/
        : /^Base de connaissances arrêtée en [a-zéû]+ \d{4}$/,
    );
  });

  it(locale === 'fr' ? 'uses French typography throughout' : 'never uses guillemets', () => {
    for (const { id, brief } of screens) {
      const s = brief.screen!;
      const texts = [
        s.title,
        s.periodLabel,
        s.asOfLabel ?? '',
        ...s.gist,
        ...shown(s).map((l) => l.line),
        ...s.timeline.map((l) => l.line),
      ];
      for (const t of texts) expect({ id, t, faults: typographyFaults(t, locale) }).toEqual({ id, t, faults: [] });
    }
  });

  it('does not repeat in the gist what the attribution lines say', () => {
    const cue = locale === 'en' ? /\b(attributed|denied)\b/i : /(attribué|nié|démenti)/i;
    for (const { brief } of screens.filter((x) => x.kind === 'incident')) {
      const s = brief.screen!;
      if (s.attribution.length + s.denials.length > 0) for (const g of s.gist) expect(g).not.toMatch(cue);
    }
  });
});

describe('actor and country briefs', () => {
  it('never lists a state as its own accuser', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const { kind, id } of kbSubjects()) {
        if (kind !== 'actor' || catalog.actors.get(id)!.kind !== 'state') continue;
        const own = capitalise(nameForms(catalog.actors.get(id)!.name[locale], 'state', locale).def);
        for (const l of screenOf('actor', id, locale).attribution) expect(l.text.startsWith(`${own} `)).toBe(false);
      }
    }
  });

  it('names the incident a denial denies, and lists incidents with role and year', () => {
    const s = screenOf('actor', 'KP', 'en');
    expect(s.denials.length).toBeGreaterThan(0);
    for (const d of s.denials)
      expect(d.text).toMatch(/^(North Korea|The North Korean [A-Z][a-z]+ Ministry) (denied any role in|rejected) /);
    expect(s.denials.some((d) => /WannaCry|Sony|Bangladesh/.test(d.text))).toBe(true);
    expect(s.incidents!.length).toBeGreaterThan(0);
    for (const i of s.incidents!) {
      expect(i.year).toMatch(/^\d{4}$/);
      expect(['suspected', 'targeted', 'responded']).toContain(i.role);
    }
  });

  it('orders by date', () => {
    const s = screenOf('actor', 'RU', 'fr');
    const starts = s.timeline.map((l) => l.start);
    expect([...starts].sort(compareDates)).toEqual(starts);
  });
});

describe('ambiguous and not found', () => {
  const { index } = kbCatalog();
  it('gives every candidate its kind and year, and quotes the query in the reader’s language', () => {
    for (const locale of ['en', 'fr'] as const) {
      const b = composeBrief(catalog, index.resolve('parliament', locale), 'parliament', locale);
      expect(b.status).toBe('ambiguous');
      for (const c of b.candidates!) expect(c.detail).toMatch(/^(Incident · \d{4}|State|État|Organisation.*)$/);
      expect(b.title).toContain(locale === 'en' ? '“parliament”' : '«\u00a0parliament\u00a0»');
    }
    const nf = composeBrief(catalog, index.resolve('qwxzv plorb', 'en'), 'qwxzv plorb', 'en');
    expect(nf.title).toBe('No match for “qwxzv plorb”');
  });
});
