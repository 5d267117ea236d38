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
export async function seedStore(store: IncidentStore, kb: KnowledgeBase, now: () => Date, log?: Logger): Promise<void> {
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
    let existing: Awaited<ReturnType<IncidentStore['getIncident']>>;
    try {
      existing = meta ? await store.getIncident(incident.id) : undefined;
    } catch (e) {
      log?.warn('store.seed_incident_replaced', { incident: incident.id, problem: (e as Error).message });
    }
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
    await store.saveIncident(incident, [...curated, ...kept]);
  }
  await store.setMeta('kb', { version: kb.version, seededAt: now().toISOString() });
  log?.info(meta ? 'store.kb_refreshed' : 'store.kb_seeded', {
    version: kb.version,
    incidents: kb.incidents.length,
    ms: Date.now() - started,
  });
}
