import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { Logger } from '../log';
import { type CasRecords, casRecords } from './compare-and-set';
import type { KvBackend } from './kv';
import {
  type DevelopmentFacts,
  RECORD_VERSION,
  StoredActor,
  StoredIncident,
  StoredSource,
  migrate,
  parseDevelopments,
  toRecord,
} from './records';

/** An incident as loaded: its developments stay a JSON string until something reads them. */
export interface LoadedIncident {
  incident: Incident;
  facts: DevelopmentFacts;
  developmentsJson: string;
}

export interface StoreSnapshot {
  actors: Actor[];
  incidents: LoadedIncident[];
  sources: Source[];
  /** One line per record that could not be read: its key and why. Those records are skipped. */
  problems: string[];
  /** The keys (`incident:<id>`, `source:<id>`, `actor:<id>`) of those records. */
  broken: string[];
}

/**
 * Shapes of the meta records. All of them can be rebuilt (the revision, the knowledge base's
 * version, the saved search index, ingestion markers), so one that does not match is dropped
 * with a warning naming it rather than stopping every command.
 */
const META_SHAPES: { test: (key: string) => boolean; shape: z.ZodType }[] = [
  { test: (k) => k === 'revision', shape: z.string().min(1) },
  { test: (k) => k === 'kb', shape: z.looseObject({ version: z.string() }) },
  {
    test: (k) => k === 'search-index',
    shape: z.looseObject({ revision: z.string().optional(), format: z.number(), index: z.string() }),
  },
  { test: (k) => k.startsWith('ingested:'), shape: z.looseObject({ at: z.string() }) },
];

/** What keyv's get throws on bytes that are not its JSON: the key is named by the caller. */
class UnreadableRecord extends Error {}

export interface IncidentRecord {
  incident: Incident;
  developments: Development[];
}

/**
 * What to write given what is stored now (undefined: nothing, or an unreadable record); undefined
 * to write nothing. It may run several times: it must compute from its argument alone.
 */
export type IncidentChange = (current: IncidentRecord | undefined) => Promise<IncidentRecord | undefined>;

/** Attempts before an update gives up: each lost race means another writer made progress. */
const MAX_ATTEMPTS = 30;

/** Where incidents, their developments, sources and actors live. */
export interface IncidentStore {
  loadAll(): Promise<StoreSnapshot>;
  getIncident(id: string): Promise<{ incident: Incident; developments: Development[] } | undefined>;
  /** Writes the incident and its developments as one record: readers see all of it or none. */
  saveIncident(incident: Incident, developments: Development[]): Promise<void>;
  /**
   * Read-modify-write of one incident that no concurrent writer can undo: the write is a
   * compare-and-set against what `change` was given, re-read and re-run when another process
   * wrote in between. Returns what is stored afterwards.
   */
  updateIncident(id: string, change: IncidentChange): Promise<IncidentRecord | undefined>;
  saveSource(source: Source): Promise<void>;
  getSource(id: string): Promise<Source | undefined>;
  saveActors(actors: Actor[]): Promise<void>;
  /** A meta record; one that is unreadable or not of its known shape is dropped (and logged) as absent. */
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Changes on every write, so replicas can tell when to reload. */
  revision(): Promise<string | undefined>;
}

export class KeyvIncidentStore implements IncidentStore {
  private readonly incidents: Keyv;
  private readonly sources: Keyv;
  private readonly actors: Keyv;
  private readonly meta: Keyv;
  private readonly cas: CasRecords;

  constructor(
    kv: KvBackend,
    private readonly log?: Logger,
  ) {
    this.incidents = kv.namespace('incident');
    this.cas = casRecords(kv.kind, this.incidents);
    this.sources = kv.namespace('source');
    this.actors = kv.namespace('actor');
    this.meta = kv.namespace('meta');
  }

  async loadAll(): Promise<StoreSnapshot> {
    const problems: string[] = [];
    const broken: string[] = [];
    const incidents: StoreSnapshot['incidents'] = [];
    for await (const [key, value] of this.iterate(this.incidents)) {
      const r = StoredIncident.safeParse(migrate(value));
      if (r.success)
        incidents.push({ incident: r.data.incident, facts: r.data.facts, developmentsJson: r.data.developments });
      else {
        problems.push(`incident:${key}: ${describe(r.error)}`);
        broken.push(`incident:${key}`);
      }
    }
    const sources: Source[] = [];
    for await (const [key, value] of this.iterate(this.sources)) {
      const r = StoredSource.safeParse(migrate(value));
      if (r.success) sources.push(r.data.source);
      else {
        problems.push(`source:${key}: ${describe(r.error)}`);
        broken.push(`source:${key}`);
      }
    }
    const actors: Actor[] = [];
    for await (const [key, value] of this.iterate(this.actors)) {
      const r = StoredActor.safeParse(migrate(value));
      if (r.success) actors.push(r.data.actor);
      else {
        problems.push(`actor:${key}: ${describe(r.error)}`);
        broken.push(`actor:${key}`);
      }
    }
    return { actors, incidents, sources, problems, broken };
  }

  async getIncident(id: string): Promise<{ incident: Incident; developments: Development[] } | undefined> {
    let value: unknown;
    try {
      value = await read(this.incidents, id);
    } catch (e) {
      if (e instanceof UnreadableRecord) throw new Error(`incident:${id} is unreadable: ${e.message}`);
      throw e;
    }
    if (value === undefined) return undefined;
    const r = StoredIncident.safeParse(migrate(value));
    if (!r.success) throw new Error(`incident:${id} is unreadable: ${describe(r.error)}`);
    const problems: string[] = [];
    const developments = parseDevelopments(r.data.developments, (p) => problems.push(p));
    if (problems.length > 0) throw new Error(`incident:${id} is unreadable: ${problems[0]}`);
    return { incident: r.data.incident, developments };
  }

  async saveIncident(incident: Incident, developments: Development[]): Promise<void> {
    await this.incidents.set(incident.id, toRecord(incident, developments));
    await this.bump();
  }

  async updateIncident(id: string, change: IncidentChange): Promise<IncidentRecord | undefined> {
    for (let attempt = 1; ; attempt++) {
      const { raw, value } = await this.cas.read(id);
      const r = value === undefined ? undefined : StoredIncident.safeParse(migrate(value));
      let current: IncidentRecord | undefined;
      if (r?.success) {
        const problems: string[] = [];
        const developments = parseDevelopments(r.data.developments, (p) => problems.push(p));
        current = { incident: r.data.incident, developments };
      }
      const next = await change(current);
      if (!next) return current;
      const rev = (r?.success ? (r.data.rev ?? 0) : 0) + 1;
      if (await this.cas.swap(id, raw, toRecord(next.incident, next.developments, rev))) {
        await this.bump();
        return next;
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`incident:${id}: not written, ${MAX_ATTEMPTS} other writes got in first; try again`);
      // Writers that collided would collide again in step: a random pause sets them apart.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 10)));
    }
  }

  async saveSource(source: Source): Promise<void> {
    await this.sources.set(source.id, { v: RECORD_VERSION, source });
    await this.bump();
  }

  async getSource(id: string): Promise<Source | undefined> {
    const value: unknown = await read(this.sources, id).catch((e: unknown) => {
      if (e instanceof UnreadableRecord) return undefined;
      throw e;
    });
    if (value === undefined) return undefined;
    const r = StoredSource.safeParse(migrate(value));
    return r.success ? r.data.source : undefined;
  }

  async saveActors(actors: Actor[]): Promise<void> {
    for (const actor of actors) await this.actors.set(actor.id, { v: RECORD_VERSION, actor });
    await this.bump();
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    let value: unknown;
    let problem: string | undefined;
    try {
      value = await read(this.meta, key);
    } catch (e) {
      if (!(e instanceof UnreadableRecord)) throw e;
      problem = e.message;
    }
    const shape = META_SHAPES.find((m) => m.test(key))?.shape;
    if (problem === undefined && value !== undefined && shape) {
      const r = shape.safeParse(value);
      if (!r.success) problem = describe(r.error);
    }
    if (problem === undefined) return value as T | undefined;
    this.log?.warn('store.record_dropped', {
      key: `meta:${key}`,
      problem,
      message: 'a damaged cache record was dropped; it is rebuilt',
    });
    // The revision only has to change: a fresh one tells every replica to reload.
    if (key === 'revision') {
      await this.bump();
      return (await this.meta.get(key)) as T | undefined;
    }
    await this.meta.delete(key);
    return undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.set(key, value);
  }

  async revision(): Promise<string | undefined> {
    return this.getMeta<string>('revision');
  }

  private async bump(): Promise<void> {
    await this.meta.set('revision', `${Date.now()}-${randomUUID()}`);
  }

  private bulk(
    adapter: {
      query?: (sql: string, ...p: unknown[]) => Promise<unknown>;
      opts?: { dialect?: string; table?: string };
    },
    ns: string,
  ): AsyncGenerator<[string, unknown]> | undefined {
    if (adapter.opts?.dialect !== 'sqlite' || !adapter.query) return undefined;
    const table = adapter.opts.table ?? 'keyv';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) return undefined;
    return sqliteRows(adapter.query.bind(adapter), table, ns);
  }

  /**
   * Walks the adapter itself rather than keyv's iterator: keyv throws on the first value it
   * cannot deserialize, which would let one foreign record hide every record after it.
   */
  private async *iterate(kv: Keyv): AsyncGenerator<[string, unknown]> {
    const ns = kv.namespace as string;
    const adapter = kv.store as {
      iterator?: (ns: string) => AsyncGenerator<unknown>;
      query?: (sql: string, ...p: unknown[]) => Promise<unknown>;
      opts?: { dialect?: string; table?: string };
    };
    if (!adapter.iterator) throw new Error('this store cannot list its records');
    for await (const entry of this.bulk(adapter, ns) ?? adapter.iterator(ns)) {
      const [rawKey, raw] = entry as [string, unknown];
      const key = rawKey.startsWith(`${ns}:`) ? rawKey.slice(ns.length + 1) : rawKey;
      let value: unknown;
      try {
        const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
          value?: unknown;
          expires?: number;
        } | null;
        value = parsed && typeof parsed === 'object' && 'value' in parsed ? parsed.value : parsed;
      } catch {
        yield [key, { unreadable: 'not JSON' }];
        continue;
      }
      yield [key, value];
    }
  }
}

/** keyv's get, with bytes that are not its JSON reported as an UnreadableRecord. */
async function read(kv: Keyv, key: string): Promise<unknown> {
  try {
    return await kv.get(key);
  } catch (e) {
    if (e instanceof SyntaxError) throw new UnreadableRecord('not JSON');
    throw e;
  }
}

/**
 * SQLite: keyset pages of 500 rows instead of keyv's OFFSET-paged iterator, which dominates cold
 * start on a large store; pages (not one SELECT) keep the peak memory of a start bounded.
 */
async function* sqliteRows(
  query: (sql: string, ...p: unknown[]) => Promise<unknown>,
  table: string,
  ns: string,
): AsyncGenerator<[string, unknown]> {
  const prefix = `${ns}:`;
  // Keys of the namespace sort between "ns:" and "ns;" (';' follows ':'), so the primary key index serves the range.
  const end = `${ns};`;
  let after = prefix;
  for (;;) {
    const rows = (await query(
      `SELECT key, value FROM ${table} WHERE key > ? AND key < ? ORDER BY key LIMIT 500`,
      after,
      end,
    )) as { key: string; value: unknown }[];
    for (const r of rows) yield [r.key, r.value];
    if (rows.length < 500) return;
    after = (rows[rows.length - 1] as { key: string }).key;
  }
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '(record)'}: ${first.message}` : 'invalid record';
}
