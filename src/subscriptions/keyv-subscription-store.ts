import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod';
import { type Platform, Subscription } from '../domain/subscription';
import type { KvBackend } from '../store/kv';
import type { SubscriptionStore } from './subscription-store';

const RECORD_VERSION = 1;
const StoredSubscription = z.object({ v: z.literal(RECORD_VERSION), subscription: Subscription });

export interface KeyvSubscriptionStoreOptions {
  /** Keyv namespace of the records; tests use a unique one per run. Avoid `_` and `%` (SQL LIKE). */
  namespace?: string;
  /** Called for each stored record that no longer parses; it is skipped, never deleted. */
  onProblem?: (problem: string) => void;
}

/**
 * Subscriptions as one keyv record each. Listing iterates the namespace (sqlite, redis and
 * postgres adapters all iterate), so there is no index key that two writers could tear.
 */
export class KeyvSubscriptionStore implements SubscriptionStore {
  private readonly records: Keyv;
  private readonly meta: Keyv;
  private readonly onProblem: (problem: string) => void;

  constructor(kv: KvBackend, opts: KeyvSubscriptionStoreOptions = {}) {
    const ns = opts.namespace ?? 'subscription';
    this.records = kv.namespace(ns);
    this.meta = kv.namespace(`${ns}-meta`);
    this.onProblem = opts.onProblem ?? (() => undefined);
  }

  async list(filter: { platform?: Platform; workspace?: string } = {}): Promise<Subscription[]> {
    const out: Subscription[] = [];
    if (!this.records.iterator) throw new Error('this store cannot list its records');
    for await (const entry of this.records.iterator(this.records.namespace)) {
      const [key, value] = entry as [string, unknown];
      const r = StoredSubscription.safeParse(value);
      if (!r.success) {
        this.onProblem(`subscription:${key}: ${r.error.issues[0]?.message ?? 'invalid record'}`);
        continue;
      }
      const s = r.data.subscription;
      if (filter.platform !== undefined && s.platform !== filter.platform) continue;
      if (filter.workspace !== undefined && s.workspace !== filter.workspace) continue;
      out.push(s);
    }
    // Iteration order differs between backends; a stable order keeps `list` output reproducible.
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Subscription | undefined> {
    const value: unknown = await this.records.get(id);
    if (value === undefined) return undefined;
    const r = StoredSubscription.safeParse(value);
    if (!r.success)
      throw new Error(`subscription:${id} is unreadable: ${r.error.issues[0]?.message ?? 'invalid record'}`);
    return r.data.subscription;
  }

  async findByChannel(platform: Platform, channel: string): Promise<Subscription | undefined> {
    return (await this.list({ platform })).find((s) => s.channel === channel);
  }

  async save(subscription: Subscription): Promise<void> {
    const checked = Subscription.parse(subscription);
    await this.records.set(checked.id, { v: RECORD_VERSION, subscription: checked });
    await this.bump();
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.records.delete(id);
    if (removed) await this.bump();
    return removed;
  }

  async revision(): Promise<string | undefined> {
    return (await this.meta.get('revision')) as string | undefined;
  }

  /** Removes every record of this namespace (tests clean up with it). */
  async clear(): Promise<void> {
    await this.records.clear();
    await this.meta.clear();
  }

  private async bump(): Promise<void> {
    await this.meta.set('revision', `${Date.now()}-${randomUUID()}`);
  }
}
