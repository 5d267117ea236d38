import type { Catalog } from '../catalog/catalog';
import { compareDates, type PartialDate } from '../domain/dates';

const CACHE = new WeakMap<Catalog, { revision: number; asOf: PartialDate | undefined }>();

/**
 * The newest date the curated knowledge base speaks of (its references' publication dates and its
 * incidents' periods): briefs say how current they are. Kept per catalog revision.
 */
export function knowledgeAsOf(catalog: Catalog): PartialDate | undefined {
  const hit = CACHE.get(catalog);
  if (hit && hit.revision === catalog.revision) return hit.asOf;
  let newest: PartialDate | undefined;
  const consider = (d: PartialDate | undefined) => {
    if (d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) && (!newest || compareDates(d, newest) > 0)) newest = d;
  };
  for (const s of catalog.sources.values()) if (s.origin === 'curated') consider(s.published);
  for (const i of catalog.incidents.values()) if (i.origin === 'curated') consider(i.period.end ?? i.period.start);
  CACHE.set(catalog, { revision: catalog.revision, asOf: newest });
  return newest;
}
