import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseDocument, visit } from 'yaml';
import type { Actor } from '../../src/domain/actor';
import { compareDates } from '../../src/domain/dates';
import { defaultKbDir, loadKnowledgeBase } from '../../src/kb/load';
import { KbIncidentFile } from '../../src/kb/schema';

/**
 * The editorial rules of the knowledge base (issue 13, sections 1 and 2), over every file. Each
 * assertion compares a list of offences with [] so that a failure names every file and field to fix.
 *
 * For the integrator: on the branch that adds the new 2024-2026 incidents (kbnew) the new files keep
 * every rule; the offences left are in the 41 incident files and shared actor files that the
 * correction branches (kba, kbb) rewrite. Every assertion here is meant to pass once all three are
 * merged; none is relaxed to pass before.
 */

const dir = defaultKbDir();
const kb = loadKnowledgeBase(dir, { cacheDir: false });
const actors = new Map<string, Actor>(kb.actors.map((a) => [a.id, a]));

interface IncidentFile {
  file: string;
  data: KbIncidentFile;
}
const incidentFiles: IncidentFile[] = readdirSync(join(dir, 'incidents'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => ({
    file: `incidents/${f}`,
    data: KbIncidentFile.parse(parseYaml(readFileSync(join(dir, 'incidents', f), 'utf8'))),
  }));
const incidentById = new Map(incidentFiles.map((f) => [f.data.id, f.data]));

const where = (f: IncidentFile, i: number): string => {
  const d = f.data.developments[i]!;
  return `${f.file} developments[${i}] (${d.type} ${d.date})`;
};

/** Types of development that assign blame or punish: each should rest on an official text. */
const ACCOUNTABILITY = new Set(['attribution', 'sanction', 'indictment']);
/**
 * The goal is 90 %; the review reached 85.1 % (134 acts, 20 without an official text, each
 * listed in briefs/CHANGES-official.md). The floor holds what was reached so no change lowers it;
 * raise it as official texts are found, up to the goal.
 */
const OFFICIAL_SHARE_GOAL = 0.9;
const OFFICIAL_SHARE_FLOOR = 0.85;

/**
 * Outlets controlled by a government, by host: the state whose voice they are. A state-media
 * source on a host not listed here is an offence until it is added, so none escapes the rule.
 */
const STATE_MEDIA_GOVERNMENTS: Record<string, string> = {
  'tass.com': 'RU',
  'tass.ru': 'RU',
  'rt.com': 'RU',
  'ria.ru': 'RU',
  'sputniknews.com': 'RU',
  'rbth.com': 'RU',
  'rg.ru': 'RU',
  'interfax.ru': 'RU',
  'xinhuanet.com': 'CN',
  'news.cn': 'CN',
  'globaltimes.cn': 'CN',
  'chinadaily.com.cn': 'CN',
  'cgtn.com': 'CN',
  'people.com.cn': 'CN',
  'people.cn': 'CN',
  'kcna.kp': 'KP',
  'kcnawatch.org': 'KP',
  'aa.com.tr': 'TR',
  'irna.ir': 'IR',
  'presstv.ir': 'IR',
  'tasnimnews.com': 'IR',
};
/** What a government's own outlet may be cited for: its denials and its reactions. */
const REACTIONS = new Set(['denial', 'statement', 'condemnation', 'expulsion', 'summons', 'sanction']);

/** A reprint on another site names the state outlet it copies in its publisher ("UrduPoint (Sputnik)"). */
const STATE_MEDIA_PUBLISHERS: [RegExp, string][] = [
  [/\b(TASS|Sputnik|RIA Novosti|Russia Today)\b/, 'RU'],
  [/\b(Xinhua|Global Times|China Daily|CGTN|People's Daily)\b/, 'CN'],
  [/\bKCNA\b/, 'KP'],
  [/\b(IRNA|Press TV|Tasnim)\b/, 'IR'],
  [/\bAnadolu\b/, 'TR'],
];

function stateMediaGovernment(url: string, publisher?: string): string | undefined {
  const host = new URL(url).hostname.replace(/^www\./, '');
  for (const [h, state] of Object.entries(STATE_MEDIA_GOVERNMENTS)) {
    if (host === h || host.endsWith(`.${h}`)) return state;
  }
  for (const [re, state] of STATE_MEDIA_PUBLISHERS) if (publisher && re.test(publisher)) return state;
  return undefined;
}

/** The state an actor speaks for: itself for a state, its country for anyone else. */
function stateOf(id: string): string | undefined {
  const a = actors.get(id);
  if (!a) return undefined;
  return a.kind === 'state' ? a.id : a.country;
}

describe('editorial rules of the knowledge base', () => {
  it(`cites an official source for at least ${OFFICIAL_SHARE_FLOOR * 100} % of attributions, sanctions and indictments (goal ${OFFICIAL_SHARE_GOAL * 100} %)`, () => {
    let total = 0;
    const withoutOfficial: string[] = [];
    for (const f of incidentFiles) {
      const kinds = new Map(f.data.sources.map((s) => [s.key, s.kind]));
      f.data.developments.forEach((d, i) => {
        if (!ACCOUNTABILITY.has(d.type)) return;
        total++;
        if (!d.sources.some((k) => kinds.get(k) === 'official')) withoutOfficial.push(where(f, i));
      });
    }
    const share = total === 0 ? 1 : (total - withoutOfficial.length) / total;
    // Printed so that the closing note of the issue can quote the figure as measured.
    console.log(
      `official-source share: ${(share * 100).toFixed(1)} % of ${total} attributions, sanctions and indictments` +
        ` (${withoutOfficial.length} without an official source)`,
    );
    expect({ share: share >= OFFICIAL_SHARE_FLOOR, withoutOfficial }).toEqual({
      share: true,
      withoutOfficial: share >= OFFICIAL_SHARE_FLOOR ? withoutOfficial : [],
    });
  });

  it('cites state media only for the denials and reactions of its own government', () => {
    const offences: string[] = [];
    for (const f of incidentFiles) {
      const byKey = new Map(f.data.sources.map((s) => [s.key, s]));
      for (const s of f.data.sources) {
        const gov = stateMediaGovernment(s.url, s.publisher);
        if (s.kind === 'state-media' && !gov) {
          offences.push(`${f.file} source "${s.key}" (${s.url}): state media of an unknown government`);
        } else if (gov && s.kind !== 'state-media') {
          offences.push(`${f.file} source "${s.key}" (${s.url}): a ${gov} state outlet not marked kind: state-media`);
        }
      }
      f.data.developments.forEach((d, i) => {
        for (const key of d.sources) {
          const s = byKey.get(key);
          if (!s) continue;
          const gov = stateMediaGovernment(s.url, s.publisher);
          if (s.kind !== 'state-media' || !gov) continue;
          if (!REACTIONS.has(d.type)) {
            offences.push(
              `${where(f, i)}: cites ${gov} state media "${key}" for a ${d.type}, not a denial or reaction`,
            );
          } else if (d.by.length === 0 || d.by.some((id) => stateOf(id) !== gov)) {
            offences.push(`${where(f, i)}: cites ${gov} state media "${key}" for words of [${d.by.join(', ')}]`);
          }
        }
      });
    }
    expect(offences).toEqual([]);
  });

  it('lists whom every sanction and indictment targets, and never its victim', () => {
    const offences: string[] = [];
    const RESPONSES_NOT_ATTACKS = new Set(['sanctions', 'policy']);
    for (const f of incidentFiles) {
      f.data.developments.forEach((d, i) => {
        if (d.type !== 'sanction' && d.type !== 'indictment') return;
        if (d.against.length === 0) {
          offences.push(`${where(f, i)}: against is empty; list who is sanctioned or charged`);
          return;
        }
        const victims = new Set<string>();
        for (const id of [f.data.id, ...d.alsoAbout]) {
          const inc = incidentById.get(id);
          if (!inc || RESPONSES_NOT_ATTACKS.has(inc.type)) continue;
          for (const t of inc.targets) {
            victims.add(t);
            const state = actors.get(t)?.kind === 'state' ? undefined : stateOf(t);
            if (state) victims.add(state);
          }
        }
        // A counter-sanction by the accused state (Moscow's entry bans after the EU listings) does
        // target the victim's officials: that is the retaliation, not a mistake.
        const accused = new Set<string>();
        for (const id of [f.data.id, ...d.alsoAbout])
          for (const s of incidentById.get(id)?.suspected ?? []) accused.add(stateOf(s) ?? s);
        if (d.by.some((id) => accused.has(stateOf(id) ?? id))) return;
        const wrong = d.against.filter((id) => victims.has(id));
        if (wrong.length > 0) offences.push(`${where(f, i)}: against names the victim(s) ${wrong.join(', ')}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it('keeps the developments of each file in date order', () => {
    const offences: string[] = [];
    for (const f of incidentFiles) {
      f.data.developments.forEach((d, i) => {
        const prev = f.data.developments[i - 1];
        if (prev && compareDates(prev.date, d.date) > 0) {
          offences.push(`${where(f, i)}: comes after a development dated ${prev.date}`);
        }
      });
    }
    expect(offences).toEqual([]);
  });

  it('leaves no source unused in any file', () => {
    const offences: string[] = [];
    for (const f of incidentFiles) {
      const used = new Set(f.data.developments.flatMap((d) => d.sources));
      for (const s of f.data.sources)
        if (!used.has(s.key)) offences.push(`${f.file} source "${s.key}" is cited by no development`);
    }
    expect(offences).toEqual([]);
  });

  it('gives every source a kind, a title and its date of publication, to the month at least', () => {
    const offences: string[] = [];
    let dayless = 0;
    for (const f of incidentFiles) {
      for (const s of f.data.sources) {
        if (s.published.length < 10) dayless++;
        const missing = [
          s.kind ? undefined : 'kind',
          s.title ? undefined : 'title',
          s.published.length >= 7 ? undefined : `published month (${s.published} is a year only)`,
        ].filter((m) => m !== undefined);
        if (missing.length > 0) offences.push(`${f.file} source "${s.key}": no ${missing.join(', no ')}`);
      }
    }
    // A report or monthly bulletin may only give its month; the count says how many could be made exact.
    console.log(`sources dated to the month only: ${dayless}`);
    expect(offences).toEqual([]);
  });

  it("has no value that a YAML 1.1 reader takes for a boolean (quote 'NO', Norway)", () => {
    const offences: string[] = [];
    for (const sub of ['actors', 'incidents']) {
      for (const name of readdirSync(join(dir, sub)).filter((f) => /\.ya?ml$/.test(f))) {
        const raw = readFileSync(join(dir, sub, name), 'utf8');
        const doc = parseDocument(raw, { version: '1.1' });
        visit(doc, {
          Scalar(_key, node) {
            if (typeof node.value === 'boolean') {
              const line = node.range ? raw.slice(0, node.range[0]).split('\n').length : '?';
              offences.push(`${sub}/${name} line ${line}: ${String(node.source ?? node.value)} reads as a boolean`);
            }
          },
        });
      }
    }
    expect(offences).toEqual([]);
  });
});
