import { Catalog } from '../../src/catalog/catalog';
import type { Development } from '../../src/domain/development';
import { loadKnowledgeBase } from '../../src/kb/load';
import { SearchIndex } from '../../src/search/search-index';

let cached: { catalog: Catalog; index: SearchIndex } | undefined;

/** The bundled knowledge base in memory, without a store: briefs composed from the real data. */
export function kbCatalog(): { catalog: Catalog; index: SearchIndex } {
  if (cached) return cached;
  const kb = loadKnowledgeBase();
  const own = new Map<string, Development[]>();
  for (const d of kb.developments) {
    const home = d.incidents[0]!;
    const list = own.get(home);
    if (list) list.push(d);
    else own.set(home, [d]);
  }
  const catalog = new Catalog({
    actors: kb.actors,
    sources: kb.sources,
    incidents: kb.incidents.map((incident) => ({ incident, developments: own.get(incident.id) ?? [] })),
  });
  cached = { catalog, index: new SearchIndex(catalog) };
  return cached;
}

/** Every incident and every actor some incident or development names: what a lookup can open. */
export function kbSubjects(): { kind: 'incident' | 'actor'; id: string }[] {
  const { catalog } = kbCatalog();
  const actors = new Set<string>();
  for (const inc of catalog.incidents.values()) {
    for (const id of [...inc.suspected, ...inc.targets]) actors.add(id);
    for (const d of catalog.developmentsOf(inc.id)) for (const id of [...d.by, ...d.against]) actors.add(id);
  }
  return [
    ...[...catalog.incidents.keys()].map((id) => ({ kind: 'incident' as const, id })),
    ...[...actors].filter((id) => catalog.actors.has(id)).map((id) => ({ kind: 'actor' as const, id })),
  ];
}
