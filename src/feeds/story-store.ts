import type Keyv from 'keyv';
import { z } from 'zod';
import type { KvBackend } from '../store/kv';
import type { StoryFingerprint } from './same-story';

const RECORD_VERSION = 1;
const StoredStory = z.object({
  v: z.literal(RECORD_VERSION),
  lang: z.string(),
  signature: z.array(z.number()),
  anchors: z.array(z.string()),
});

/** Fingerprints kept in memory; older ones are read back from the store when a story needs them. */
const CACHE_SIZE = 5000;

/**
 * Story fingerprints of stored articles, by source id, in the shared store (namespace `story`):
 * a replica that did not ingest an article can still recognise the next outlet telling it.
 */
export class StoryStore {
  private readonly kv: Keyv;
  private readonly cache = new Map<string, StoryFingerprint | null>();

  constructor(backend: KvBackend, namespace = 'story') {
    this.kv = backend.namespace(namespace);
  }

  async get(sourceId: string): Promise<StoryFingerprint | undefined> {
    const hit = this.cache.get(sourceId);
    if (hit !== undefined) {
      this.touch(sourceId, hit);
      return hit ?? undefined;
    }
    const r = StoredStory.safeParse(await this.kv.get(sourceId));
    const fp = r.success ? { lang: r.data.lang, signature: r.data.signature, anchors: r.data.anchors } : null;
    this.touch(sourceId, fp);
    return fp ?? undefined;
  }

  /**
   * Known to this process at once (the next article can match it before the write lands);
   * other replicas see it once written.
   */
  async put(sourceId: string, fp: StoryFingerprint): Promise<void> {
    this.touch(sourceId, fp);
    await this.kv.set(sourceId, { v: RECORD_VERSION, ...fp });
  }

  private touch(id: string, fp: StoryFingerprint | null): void {
    this.cache.delete(id);
    this.cache.set(id, fp);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
