import { Catalog } from '../../src/catalog/catalog';
import type { Actor } from '../../src/domain/actor';
import type { Development, DevelopmentType, Stance } from '../../src/domain/development';
import type { Incident } from '../../src/domain/incident';
import type { Source } from '../../src/domain/source';

/** A small world written for these tests: states, bodies, two threat groups tied to states. */
export const ACTORS: Actor[] = [
  state('CN', 'China', 'Chine'),
  state('FR', 'France', 'France'),
  state('KP', 'North Korea', 'Corée du Nord'),
  state('US', 'United States', 'États-Unis'),
  state('GB', 'United Kingdom', 'Royaume-Uni'),
  { id: 'EU', kind: 'organisation', name: { en: 'European Union', fr: 'Union européenne' }, aliases: [], sources: [] },
  { id: 'FR-ANSSI', kind: 'organisation', name: { en: 'ANSSI', fr: 'ANSSI' }, aliases: [], country: 'FR', sources: [] },
  { id: 'MSFT', kind: 'organisation', name: { en: 'Microsoft', fr: 'Microsoft' }, aliases: [], sources: [] },
  { id: 'G0901', kind: 'group', name: { en: 'Test Panda', fr: 'Test Panda' }, aliases: [], country: 'CN', sources: [] },
  {
    id: 'G0902',
    kind: 'group',
    name: { en: 'Test Chollima', fr: 'Test Chollima' },
    aliases: [],
    country: 'KP',
    sources: [],
  },
];

function state(id: string, en: string, fr: string): Actor {
  return { id, kind: 'state', name: { en, fr }, aliases: [], sources: [] };
}

export function incident(id: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    name: { en: `Operation ${id}`, fr: `Opération ${id}` },
    aliases: [],
    type: 'espionage',
    period: { start: '2026-01' },
    targets: [],
    suspected: [],
    summary: { en: `A made-up operation called ${id}.`, fr: `Une opération inventée appelée ${id}.` },
    related: [],
    origin: 'ingested',
    ...extra,
  };
}

export interface DevSpec {
  id: string;
  incident: string;
  alsoAbout?: string[];
  type?: DevelopmentType;
  stance?: Stance;
  by?: string[];
  against?: string[];
  date?: string;
  recordedAt: string | Date;
  sources?: string[];
  en?: string;
  fr?: string;
}

export function dev(s: DevSpec): Development {
  return {
    id: s.id,
    type: s.type ?? 'statement',
    date: s.date ?? '2026-03-01',
    by: s.by ?? [],
    against: s.against ?? [],
    incidents: [s.incident, ...(s.alsoAbout ?? [])],
    stance: s.stance,
    text:
      s.en === undefined && s.fr === undefined
        ? { en: `Event ${s.id}.`, fr: `Évènement ${s.id}.` }
        : { en: s.en, fr: s.fr },
    sources: s.sources ?? [],
    origin: 'ingested',
    recordedAt: typeof s.recordedAt === 'string' ? s.recordedAt : s.recordedAt.toISOString(),
  };
}

export function source(id: string, language = 'en'): Source {
  return {
    id,
    url: `https://news.example.org/${id}`,
    title: `Report ${id}`,
    language,
    published: '2026-03-01',
    origin: 'ingested',
  };
}

/** Builds a catalog from incidents and developments (each stored with its first incident). */
export function catalogOf(incidents: Incident[], devs: Development[], sources: Source[] = []): Catalog {
  const byIncident = new Map<string, Development[]>();
  for (const d of devs)
    byIncident.set(d.incidents[0] as string, [...(byIncident.get(d.incidents[0] as string) ?? []), d]);
  const known = new Set(incidents.map((i) => i.id));
  const all = [...incidents, ...[...byIncident.keys()].filter((id) => !known.has(id)).map((id) => incident(id))];
  const allSources = new Map(sources.map((s) => [s.id, s]));
  // Without an explicit list every cited source exists; with one, the others are unknown.
  if (sources.length === 0)
    for (const d of devs) for (const s of d.sources) if (!allSources.has(s)) allSources.set(s, source(s));
  return new Catalog({
    actors: ACTORS,
    incidents: all.map((i) => ({ incident: i, developments: byIncident.get(i.id) ?? [] })),
    sources: allSources.values(),
  });
}

/** Adds one development to a live catalog (what an ingestion does between two ticks). */
export function addDevelopment(catalog: Catalog, d: Development): void {
  const home = d.incidents[0] as string;
  const inc = catalog.incident(home) ?? incident(home);
  for (const s of d.sources) if (!catalog.sources.has(s)) catalog.putSource(source(s));
  catalog.putIncident(inc, [...catalog.ownedDevelopments(home), d]);
}
