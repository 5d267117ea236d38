import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { endOf, startOf } from '../../src/domain/dates';
import { defaultKbDir, KnowledgeBaseError, loadKnowledgeBase } from '../../src/kb/load';

describe('the bundled knowledge base', () => {
  // Always from the YAML: the cache must never hide a rule added to the checks.
  const kb = loadKnowledgeBase(undefined, { cacheDir: false });

  it('loads with no invalid or inconsistent record', () => {
    expect(kb.incidents.length).toBeGreaterThan(0);
  });

  it('covers at least 40 incidents from 2007 to 2025, each with dated, sourced developments', () => {
    expect(kb.incidents.length).toBeGreaterThanOrEqual(40);
    const years = kb.incidents.map((i) => Number(i.period.start.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(2007);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2024);
    for (const inc of kb.incidents) {
      const devs = kb.developments.filter((d) => d.incidents[0] === inc.id);
      expect({ id: inc.id, devs: devs.length >= 3 }).toEqual({ id: inc.id, devs: true });
      for (const d of devs) expect(d.sources.length).toBeGreaterThan(0);
    }
  });

  it('includes the incidents of the seed articles and the landmark cases', () => {
    const ids = new Set(kb.incidents.map((i) => i.id));
    for (const id of [
      'wannacry',
      'exchange-2021',
      'eu-defence-videoconference-2020',
      'eu-cyber-diplomacy-toolbox',
      'notpetya',
      'solarwinds-2020',
      'estonia-2007',
      'stuxnet',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has every state by ISO code with English and French names, and at least 40 threat groups', () => {
    const kp = kb.actors.find((a) => a.id === 'KP');
    expect(kp?.name).toEqual({ en: 'North Korea', fr: 'Corée du Nord' });
    expect(kb.actors.filter((a) => a.kind === 'state').length).toBeGreaterThanOrEqual(240);
    expect(kb.actors.filter((a) => a.kind === 'group').length).toBeGreaterThanOrEqual(40);
    const lazarus = kb.actors.find((a) => a.id === 'G0032');
    expect(lazarus?.aliases.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['hidden cobra', 'zinc']));
  });

  it('writes summaries in both languages, two to three sentences each', () => {
    for (const inc of kb.incidents) {
      for (const lang of ['en', 'fr'] as const) {
        const n = [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(inc.summary[lang])].length;
        expect({ id: inc.id, lang, ok: n >= 1 && n <= 4 }).toEqual({ id: inc.id, lang, ok: true });
      }
      expect(inc.summary.en).not.toEqual(inc.summary.fr);
    }
  });

  it('keeps every development within its incident and cites only known sources', () => {
    const sources = new Set(kb.sources.map((s) => s.id));
    for (const d of kb.developments) for (const s of d.sources) expect(sources).toContain(s);
    for (const inc of kb.incidents) {
      // A less precise end (2020-08) may contain a precise start (2020-08-15): compare the spans.
      if (inc.period.end) expect(endOf(inc.period.end)).toBeGreaterThanOrEqual(startOf(inc.period.start));
    }
  });
});

describe('knowledge-base validation rejects bad records', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-kb-'));
    cpSync(defaultKbDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const editWannacry = (edit: (doc: Record<string, unknown>) => void) => {
    const file = join(dir, 'incidents', 'wannacry.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(doc);
    writeFileSync(file, stringify(doc));
  };
  const problemsOf = (): string[] => {
    try {
      loadKnowledgeBase(dir);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(KnowledgeBaseError);
      return (e as KnowledgeBaseError).problems;
    }
  };

  it('names an unknown actor id', () => {
    editWannacry((d) => {
      d.suspected = ['XX-NOBODY'];
    });
    expect(problemsOf()).toEqual(expect.arrayContaining([expect.stringContaining('unknown actor id XX-NOBODY')]));
  });

  it('names an alias claimed by two incidents', () => {
    editWannacry((d) => {
      d.aliases = [...(d.aliases as string[]), 'NotPetya'];
    });
    expect(problemsOf()).toEqual(
      expect.arrayContaining([expect.stringMatching(/alias "notpetya" is claimed by both/)]),
    );
  });

  it('names a period that ends before it starts', () => {
    editWannacry((d) => {
      d.period = { start: '2017-05-12', end: '2016-01-01' };
    });
    expect(problemsOf()).toEqual(
      expect.arrayContaining([expect.stringContaining('ends (2016-01-01) before it starts')]),
    );
  });

  it('names a development dated before its incident', () => {
    editWannacry((d) => {
      (d.developments as { date: string }[])[0]!.date = '2015-01-01';
    });
    expect(problemsOf()).toEqual(expect.arrayContaining([expect.stringContaining('before its incident starts')]));
  });

  it('names a malformed date and the file it is in', () => {
    editWannacry((d) => {
      (d.developments as { date: string }[])[0]!.date = '2017-13-45';
    });
    expect(problemsOf()).toEqual(
      expect.arrayContaining([expect.stringMatching(/incidents\/wannacry\.yaml: developments\.0\.date/)]),
    );
  });
});
