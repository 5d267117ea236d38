import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Development, DevelopmentType } from '../../src/domain/development';
import type { Incident, IncidentType } from '../../src/domain/incident';
import { loadKnowledgeBase } from '../../src/kb/load';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { seedStore } from '../../src/store/seed';

/** Deterministic PRNG (mulberry32): the same store every run, so figures compare across runs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'amber basalt cobalt delta ember falcon granite harbor indigo jasper kestrel lumen meridian nimbus onyx pylon quartz raven sable tundra umbra vortex willow xenon yarrow zephyr'.split(
    ' ',
  );
const TYPES: IncidentType[] = [
  'espionage',
  'ransomware',
  'wiper',
  'intrusion',
  'ddos',
  'supply-chain',
  'hack-and-leak',
];
const DEV_TYPES: DevelopmentType[] = [
  'attack',
  'disclosure',
  'attribution',
  'denial',
  'condemnation',
  'sanction',
  'indictment',
  'statement',
  'investigation',
  'policy',
];
const STATES = ['US', 'GB', 'FR', 'DE', 'CN', 'RU', 'KP', 'IR', 'UA', 'NL', 'NO', 'EE', 'CA', 'AU', 'JP'];
const GROUPS = ['G0032', 'G0007', 'G0016', 'G0034', 'G0045', 'G0125', 'G0128', 'G0096'];

export interface SyntheticOptions {
  incidents: number;
  developmentsPerIncident: number;
}

/**
 * A SQLite store holding the bundled knowledge base plus `incidents` synthetic incidents with
 * `developmentsPerIncident` developments each. Built once per size under `dir` and reused.
 */
export async function buildSyntheticStore(dir: string, opts: SyntheticOptions): Promise<string> {
  const file = join(dir, `synthetic-${opts.incidents}x${opts.developmentsPerIncident}.sqlite`);
  if (existsSync(file)) return `sqlite://${file}`;
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.building`;
  rmSync(tmp, { force: true });
  const kv = await openKv(`sqlite://${tmp}`);
  const store = new KeyvIncidentStore(kv);
  await seedStore(
    store,
    loadKnowledgeBase(process.env.CYBERBRIEF_KB_DIR || undefined),
    () => new Date('2026-01-01T00:00:00Z'),
  );
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  for (let i = 0; i < opts.incidents; i++) {
    const name = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    const year = 2007 + Math.floor(rand() * 19);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const incident: Incident = {
      id: `synthetic-${i}`,
      name: { en: `Operation ${name}`, fr: `Opération ${name}` },
      aliases: [`${pick(WORDS)}-${i}`],
      type: pick(TYPES),
      period: { start: `${year}-${month}` },
      targets: [pick(STATES)],
      suspected: [pick(GROUPS)],
      summary: {
        en: `A synthetic ${pick(TYPES)} campaign against ${pick(WORDS)} networks, used to measure lookups. It has no real counterpart.`,
        fr: `Une campagne synthétique visant les réseaux ${pick(WORDS)}, pour mesurer les recherches. Elle n’a pas d’équivalent réel.`,
      },
      related: [],
      origin: 'ingested',
    };
    const devs: Development[] = [];
    for (let d = 0; d < opts.developmentsPerIncident; d++) {
      const type = pick(DEV_TYPES);
      devs.push({
        id: `syn:${i}:${d}`,
        type,
        date: `${year}-${month}-${String(1 + (d % 28)).padStart(2, '0')}`,
        by: [pick(STATES)],
        against: [pick(STATES)],
        incidents: [incident.id],
        stance: type === 'attribution' ? 'attributed' : type === 'denial' ? 'denied' : undefined,
        text: { en: `Synthetic ${type} number ${d} about ${name}.` },
        sources: [],
        origin: 'ingested',
        recordedAt: new Date(Date.UTC(year, Number(month) - 1, 1 + (d % 28))).toISOString(),
      });
    }
    await store.saveIncident(incident, devs);
  }
  await kv.close();
  for (const ext of ['-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
  renameSync(tmp, file);
  return `sqlite://${file}`;
}

export const BENCH_DIR = join(__dirname, '.store');
export const BENCH_SIZE: SyntheticOptions = { incidents: 10_000, developmentsPerIncident: 30 };
