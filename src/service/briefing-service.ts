import { Catalog } from '../catalog/catalog';
import type { Actor } from '../domain/actor';
import type { Brief, Candidate } from '../domain/brief';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { Locale } from '../domain/text';
import type { BriefLinks } from '../links/brief-links';
import { actorBrief, composeBrief, incidentBrief } from '../brief/compose';
import { composeLatest, type LatestItem } from '../brief/latest';
import type { KnowledgeBase } from '../kb/types';
import { SEARCH_INDEX_FORMAT, SearchIndex } from '../search/search-index';
import type { IncidentChange, IncidentRecord, IncidentStore } from '../store/incident-store';
import { restoreCurated, seedStore } from '../store/seed';
import type { Logger } from '../log';

const SEARCH_INDEX_KEY = 'search-index';

/**
 * The core's one entry point for adapters: lookups, latest developments, and recording what
 * ingestion learns. It keeps the in-memory catalog and search index in step with the store.
 */
export class BriefingService {
  private catalog: Catalog;
  private index: SearchIndex;
  private revision: string | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private refreshing: Promise<boolean> | undefined;
  /** Set by `open`: what to fill the store with again if it is found empty (a Redis without persistence). */
  private seed: { kb: KnowledgeBase; now: () => Date } | undefined;
  private actorBriefs: { revision: number; briefs: Map<string, Brief> } = { revision: -1, briefs: new Map() };

  private constructor(
    readonly store: IncidentStore,
    catalog: Catalog,
    index: SearchIndex,
    revision: string | undefined,
    private readonly log?: Logger,
  ) {
    this.catalog = catalog;
    this.index = index;
    this.revision = revision;
  }

  /** Fills or refreshes the store from the knowledge base, then loads everything into memory. */
  static async open(
    store: IncidentStore,
    kb: KnowledgeBase,
    log?: Logger,
    now: () => Date = () => new Date(),
  ): Promise<BriefingService> {
    await seedStore(store, kb, now, log);
    let loaded = await BriefingService.load(store, log);
    if ((await restoreCurated(store, kb, loaded.broken, log)) > 0) loaded = await BriefingService.load(store, log);
    const service = new BriefingService(store, loaded.catalog, loaded.index, loaded.revision, log);
    service.seed = { kb, now };
    return service;
  }

  /** Loads without seeding (the store is known to be filled, e.g. in benchmarks). */
  static async openLoaded(store: IncidentStore, log?: Logger): Promise<BriefingService> {
    const { catalog, index, revision } = await BriefingService.load(store, log);
    return new BriefingService(store, catalog, index, revision, log);
  }

  /**
   * Loads the catalog and its search index. The index is saved in the store with the revision it
   * was built at and reused when nothing was written since, which saves most of a large store's start.
   */
  private static async load(
    store: IncidentStore,
    log?: Logger,
  ): Promise<{ catalog: Catalog; index: SearchIndex; revision: string | undefined; broken: string[] }> {
    const revision = await store.revision();
    const saved = await store.getMeta<{ revision?: string; format?: number; index?: string }>(SEARCH_INDEX_KEY);
    const snap = await store.loadAll();
    for (const p of snap.problems) log?.warn('store.record_skipped', { problem: p });
    const catalog = new Catalog(snap, (problem) => log?.warn('store.development_skipped', { problem }));
    // A write between reading the revision and the records would make a saved index stale.
    const unchanged = revision !== undefined && (await store.revision()) === revision;
    if (
      unchanged &&
      saved?.revision === revision &&
      saved.format === SEARCH_INDEX_FORMAT &&
      typeof saved.index === 'string'
    ) {
      try {
        return { catalog, index: new SearchIndex(catalog, saved.index), revision, broken: snap.broken };
      } catch (e) {
        log?.warn('search.saved_index_rejected', { error: (e as Error).message });
      }
    }
    const index = new SearchIndex(catalog);
    if (unchanged) {
      // A replica that cannot save it simply indexes again at its next start.
      await store
        .setMeta(SEARCH_INDEX_KEY, { revision, format: SEARCH_INDEX_FORMAT, index: index.serialize() })
        .catch((e: unknown) => log?.warn('search.index_save_failed', { error: (e as Error).message }));
    }
    return { catalog, index, revision, broken: snap.broken };
  }

  get data(): Catalog {
    return this.catalog;
  }

  /**
   * Signed links to the full brief pages (CYBERBRIEF_PUBLIC_URL), set by the composition root:
   * every found brief then carries its page's address for the surfaces' "Open full brief".
   */
  links?: BriefLinks;

  brief(query: string, locale: Locale): Brief {
    return this.linked(this.composeLookup(query, locale));
  }

  private composeLookup(query: string, locale: Locale): Brief {
    const outcome = this.index.resolve(query, locale);
    if (outcome.status !== 'found' || outcome.hit.kind !== 'actor')
      return composeBrief(this.catalog, outcome, query, locale);
    return this.cachedActorBrief(outcome.hit.id, query, locale, () =>
      composeBrief(this.catalog, outcome, query, locale),
    );
  }

  /**
   * The brief of a subject named exactly (a button, a compose-box pick, a resolved id), for every
   * surface. A subject gone from the store since the button was drawn falls back to a lookup of
   * `query` (or of the id), so an old button still answers something sensible.
   */
  briefForRef(ref: { kind: 'incident' | 'actor'; id: string }, locale: Locale, query = ''): Brief {
    return this.linked(this.composeRef(ref, locale, query));
  }

  /** The brief with its page's address, signed from now: cached briefs never carry a stale expiry. */
  private linked(brief: Brief): Brief {
    if (!this.links || brief.status !== 'found' || !brief.subject || !brief.screen) return brief;
    const full = this.links.url(brief.subject.id, brief.locale);
    return { ...brief, screen: { ...brief.screen, links: { ...brief.screen.links, full } } };
  }

  private composeRef(ref: { kind: 'incident' | 'actor'; id: string }, locale: Locale, query: string): Brief {
    const echo = query.trim() || ref.id;
    if (ref.kind === 'incident') {
      const incident = this.catalog.incident(ref.id);
      if (incident) return incidentBrief(this.catalog, incident, echo, locale);
    } else {
      const actor = this.catalog.actors.get(ref.id);
      if (actor)
        return this.cachedActorBrief(actor.id, echo, locale, () => actorBrief(this.catalog, actor, echo, locale));
    }
    return this.composeLookup(echo, locale);
  }

  /**
   * An actor brief reads every incident the actor appears in: for a state that can be thousands,
   * so it is kept until the catalog next changes. The query echo is the only per-call part.
   */
  private cachedActorBrief(id: string, query: string, locale: Locale, compose: () => Brief): Brief {
    const key = `${id}|${locale}`;
    if (this.actorBriefs.revision !== this.catalog.revision)
      this.actorBriefs = { revision: this.catalog.revision, briefs: new Map() };
    let cached = this.actorBriefs.briefs.get(key);
    if (!cached) {
      cached = compose();
      this.actorBriefs.briefs.set(key, cached);
    }
    return { ...cached, query };
  }

  /** Completion for compose boxes and buttons. */
  complete(prefix: string, locale: Locale, limit = 10): Candidate[] {
    return this.index.complete(prefix, locale, limit);
  }

  /** The newest developments recorded, for `latest` and App Home. */
  latest(locale: Locale, limit = 10): LatestItem[] {
    return composeLatest(this.catalog, locale, limit);
  }

  /**
   * Reloads from the store when another process or replica wrote to it. A store found empty
   * (a Redis restarted without persistence) is filled from the knowledge base first rather than
   * read as "no incidents". Calls made while one runs share it: a backlog never fires at once.
   */
  refreshIfChanged(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<boolean> {
    let rev = await this.store.revision();
    if (rev === this.revision) return false;
    if (rev === undefined && this.seed && (await this.store.getMeta('kb')) === undefined) {
      this.log?.warn('store.found_empty', {
        message: 'the store holds nothing (restarted without persistence?): filling it again from briefs/',
        incidentsInMemory: this.catalog.incidents.size,
      });
      await this.serial(() => seedStore(this.store, this.seed!.kb, this.seed!.now, this.log, 'store.reseeded'));
      rev = await this.store.revision();
    }
    const { catalog, index, revision } = await BriefingService.load(this.store, this.log);
    this.catalog = catalog;
    this.index = index;
    this.revision = revision ?? rev;
    return true;
  }

  /**
   * Writes an incident with the developments stored with it, then updates memory. Writes are
   * queued so two ingestions in this process never interleave a read-modify-write.
   */
  async saveIncident(incident: Incident, developments: Development[]): Promise<void> {
    await this.serial(async () => {
      await this.store.saveIncident(incident, developments);
      this.catalog.putIncident(incident, developments);
      this.index.upsertIncident(incident);
      this.revision = await this.store.revision();
    });
  }

  /**
   * Changes one incident against what the store holds now (not this process's copy, which another
   * process may have outdated), with compare-and-set and retries; memory then takes what was written.
   */
  async updateIncident(id: string, change: IncidentChange): Promise<IncidentRecord | undefined> {
    return this.serial(async () => {
      const written = await this.store.updateIncident(id, change);
      if (written) {
        this.catalog.putIncident(written.incident, written.developments);
        this.index.upsertIncident(written.incident);
      }
      this.revision = await this.store.revision();
      return written;
    });
  }

  async saveSource(source: Source): Promise<void> {
    await this.serial(async () => {
      await this.store.saveSource(source);
      this.catalog.putSource(source);
      this.revision = await this.store.revision();
    });
  }

  actor(id: string): Actor | undefined {
    return this.catalog.actors.get(id);
  }

  /** Runs `fn` after every write queued before it (and before any queued after). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writes.then(fn, fn);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
