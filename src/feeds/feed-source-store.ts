import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod';
import type { KbFeed } from '../kb/schema';
import type { KvBackend } from '../store/kv';
import { EMPTY_STATE, FeedSource, FeedState, feedIdFromUrl, type FeedKind } from './feed-source';

const RECORD_VERSION = 1;
/** A removed starter feed leaves a tombstone, so the next refresh of the starter list does not bring it back. */
const StoredFeed = z.union([
  z.object({ v: z.literal(RECORD_VERSION), feed: FeedSource }),
  z.object({ v: z.literal(RECORD_VERSION), removed: z.object({ id: z.string(), url: z.string(), at: z.string() }) }),
]);
const StoredState = z.object({ v: z.literal(RECORD_VERSION), state: FeedState });

export interface AddFeedInput {
  url: string;
  title?: string;
  language?: string;
  kind?: FeedKind;
  id?: string;
}

export type AddFeedOutcome = { ok: true; feed: FeedSource } | { ok: false; error: string };

/** How many item hashes a feed remembers: several times a feed's length, so an item never comes back as new. */
const SEEN_CAP = 1000;

/**
 * Followed feeds and their poll state in the shared store, under their own namespaces
 * (`feed`, `feed-state`). Listing walks the namespace, so there is no index two writers could tear.
 */
export class FeedSourceStore {
  private readonly feeds: Keyv;
  private readonly states: Keyv;
  private readonly meta: Keyv;
  private readonly onProblem: (problem: string) => void;

  constructor(kv: KvBackend, opts: { namespace?: string; onProblem?: (problem: string) => void } = {}) {
    const ns = opts.namespace ?? 'feed';
    this.feeds = kv.namespace(ns);
    this.states = kv.namespace(`${ns}-state`);
    this.meta = kv.namespace(`${ns}-meta`);
    this.onProblem = opts.onProblem ?? (() => undefined);
  }

  /** Followed feeds, sorted by id. `starter: false` leaves out the starter list (CYBERBRIEF_FEEDS=none). */
  async list(opts: { starter?: boolean } = {}): Promise<FeedSource[]> {
    const out: FeedSource[] = [];
    for (const rec of await this.records()) {
      if (!('feed' in rec)) continue;
      if (opts.starter === false && rec.feed.origin === 'starter') continue;
      out.push(rec.feed);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** A feed by id or by exact URL. */
  async find(idOrUrl: string, opts: { starter?: boolean } = {}): Promise<FeedSource | undefined> {
    const all = await this.list(opts);
    return all.find((f) => f.id === idOrUrl) ?? all.find((f) => sameUrl(f.url, idOrUrl));
  }

  async add(input: AddFeedInput, now: Date): Promise<AddFeedOutcome> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      return { ok: false, error: `"${input.url}" is not a URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, error: `"${input.url}" is not an http or https URL` };
    const all = await this.list();
    const dup = all.find((f) => sameUrl(f.url, url.href));
    if (dup) return { ok: false, error: `already followed as ${dup.id}` };
    let id = input.id ?? feedIdFromUrl(url.href);
    if (input.id !== undefined && all.some((f) => f.id === id)) return { ok: false, error: `the id ${id} is taken` };
    for (let n = 2; all.some((f) => f.id === id); n += 1) id = `${feedIdFromUrl(url.href)}-${n}`;
    const parsed = FeedSource.safeParse({
      id,
      url: url.href,
      title: input.title ?? '',
      language: input.language,
      kind: input.kind ?? 'other',
      origin: 'added',
      addedAt: now.toISOString(),
    });
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid feed' };
    await this.feeds.set(id, { v: RECORD_VERSION, feed: parsed.data });
    await this.bump();
    return { ok: true, feed: parsed.data };
  }

  /** Stops following a feed; its poll state goes with it. */
  async remove(idOrUrl: string, now: Date): Promise<FeedSource | undefined> {
    const feed = await this.find(idOrUrl);
    if (!feed) return undefined;
    if (feed.origin === 'starter')
      await this.feeds.set(feed.id, {
        v: RECORD_VERSION,
        removed: { id: feed.id, url: feed.url, at: now.toISOString() },
      });
    else await this.feeds.delete(feed.id);
    await this.states.delete(feed.id);
    await this.bump();
    return feed;
  }

  /**
   * Brings the starter list in: new starter feeds are followed, changed ones updated, and ones
   * an operator removed stay removed. Feeds added by hand are never touched.
   */
  async syncStarter(starter: KbFeed[], now: Date): Promise<{ added: number; updated: number }> {
    const records = await this.records();
    const byId = new Map<string, z.infer<typeof StoredFeed>>();
    for (const r of records) byId.set('feed' in r ? r.feed.id : r.removed.id, r);
    let added = 0;
    let updated = 0;
    for (const s of starter) {
      const existing = byId.get(s.id);
      if (existing && 'removed' in existing) continue;
      if (existing && 'feed' in existing && existing.feed.origin === 'added') continue;
      const feed: FeedSource = {
        id: s.id,
        url: s.url,
        title: s.title,
        language: s.language,
        kind: s.kind,
        origin: 'starter',
        addedAt: existing && 'feed' in existing ? existing.feed.addedAt : now.toISOString(),
      };
      if (existing && 'feed' in existing && JSON.stringify(existing.feed) === JSON.stringify(feed)) continue;
      await this.feeds.set(s.id, { v: RECORD_VERSION, feed });
      if (existing) updated += 1;
      else added += 1;
    }
    if (added + updated > 0) await this.bump();
    return { added, updated };
  }

  async state(id: string): Promise<FeedState> {
    const raw: unknown = await this.states.get(id);
    if (raw === undefined) return { ...EMPTY_STATE, seen: [] };
    const r = StoredState.safeParse(raw);
    if (!r.success) {
      this.onProblem(`feed-state:${id}: ${r.error.issues[0]?.message ?? 'invalid record'}`);
      return { ...EMPTY_STATE, seen: [] };
    }
    return r.data.state;
  }

  async saveState(id: string, state: FeedState): Promise<void> {
    const capped = { ...state, seen: state.seen.slice(0, SEEN_CAP) };
    await this.states.set(id, { v: RECORD_VERSION, state: capped });
  }

  /** Changes whenever the list of feeds changes, so running pollers can reload it. */
  async revision(): Promise<string | undefined> {
    return (await this.meta.get('revision')) as string | undefined;
  }

  /** Removes every record (tests). */
  async clear(): Promise<void> {
    await this.feeds.clear();
    await this.states.clear();
    await this.meta.clear();
  }

  private async records(): Promise<z.infer<typeof StoredFeed>[]> {
    const out: z.infer<typeof StoredFeed>[] = [];
    if (!this.feeds.iterator) throw new Error('this store cannot list its records');
    for await (const entry of this.feeds.iterator(this.feeds.namespace)) {
      const [key, value] = entry as [string, unknown];
      const r = StoredFeed.safeParse(value);
      if (r.success) out.push(r.data);
      else this.onProblem(`feed:${key}: ${r.error.issues[0]?.message ?? 'invalid record'}`);
    }
    return out;
  }

  private async bump(): Promise<void> {
    await this.meta.set('revision', `${Date.now()}-${randomUUID()}`);
  }
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
