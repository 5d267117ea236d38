import type { Development } from '../domain/development';
import type { KnowledgeBase } from '../kb/types';
import type { Logger } from '../log';
import type { IncidentStore } from './incident-store';

/** Curated facts newer than this, added by a release, are news for digests; older ones are history. */
const NEWS_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * Fills an empty store from the knowledge base, or refreshes curated records when the knowledge
 * base changed. Ingested developments attached to curated incidents are always kept, and a
 * curated development already stored keeps its `recordedAt` so digests never repeat it.
 */
export async function seedStore(
  store: IncidentStore,
  kb: KnowledgeBase,
  now: () => Date,
  log?: Logger,
  /** The event logged when the store was empty (a reseed says so). */
  filledEvent = 'store.seeded',
): Promise<void> {
  const meta = await store.getMeta<{ version: string }>('kb');
  if (meta?.version === kb.version) return;
  const started = Date.now();
  await store.saveActors(kb.actors);
  for (const s of kb.sources) await store.saveSource(s);

  const byIncident = new Map<string, Development[]>();
  for (const d of kb.developments) {
    const home = d.incidents[0] as string;
    byIncident.set(home, [...(byIncident.get(home) ?? []), d]);
  }
  const nowMs = now().getTime();
  for (const incident of kb.incidents) {
    // A compare-and-set: an ingestion writing to this incident meanwhile keeps its developments.
    await store.updateIncident(incident.id, async (existing) => {
      const kept = (existing?.developments ?? []).filter((d) => d.origin !== 'curated');
      const before = new Map(
        (existing?.developments ?? []).filter((d) => d.origin === 'curated').map((d) => [d.id, d.recordedAt]),
      );
      const curated = (byIncident.get(incident.id) ?? []).map((d) => {
        const previous = before.get(d.id);
        if (previous) return { ...d, recordedAt: previous };
        if (meta && nowMs - Date.parse(d.recordedAt) < NEWS_WINDOW_MS) return { ...d, recordedAt: now().toISOString() };
        return d;
      });
      return { incident, developments: [...curated, ...kept] };
    });
  }
  await store.setMeta('kb', { version: kb.version, seededAt: now().toISOString() });
  log?.info(meta ? 'store.kb_refreshed' : filledEvent, {
    version: kb.version,
    incidents: kb.incidents.length,
    ms: Date.now() - started,
  });
}

/**
 * Writes the knowledge base's version of curated records that could not be read (`broken` keys
 * from loadAll): a damaged curated record is restored rather than left out of every brief.
 * Returns how many were restored. Ingested developments inside an unreadable record are gone.
 */
export async function restoreCurated(
  store: IncidentStore,
  kb: KnowledgeBase,
  broken: readonly string[],
  log?: Logger,
): Promise<number> {
  let restored = 0;
  for (const key of broken) {
    const [ns, ...rest] = key.split(':');
    const id = rest.join(':');
    if (ns === 'incident' && kb.incidents.some((i) => i.id === id)) {
      const incident = kb.incidents.find((i) => i.id === id) as KnowledgeBase['incidents'][number];
      const curated = kb.developments.filter((d) => d.incidents[0] === id);
      // Compare-and-set against the unreadable bytes: a record repaired meanwhile is left alone.
      await store.updateIncident(id, async (current) => (current ? undefined : { incident, developments: curated }));
    } else if (ns === 'actor' && kb.actors.some((a) => a.id === id)) {
      await store.saveActors(kb.actors.filter((a) => a.id === id));
    } else if (ns === 'source' && kb.sources.some((s) => s.id === id)) {
      await store.saveSource(kb.sources.find((s) => s.id === id) as KnowledgeBase['sources'][number]);
    } else continue;
    restored++;
    log?.warn('store.record_restored', { key, message: 'a damaged curated record was restored from briefs/' });
  }
  return restored;
}
