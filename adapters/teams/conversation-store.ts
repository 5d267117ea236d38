import type { ConversationReference } from 'botbuilder';
import type Keyv from 'keyv';
import { z } from 'zod';
import type { KvBackend } from '../../src/store/kv';

/** What a proactive message needs, checked on every read: a record written by an older version may lack it. */
const StoredReference = z
  .object({
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    bot: z.object({ id: z.string() }).passthrough().optional(),
    user: z.object({ id: z.string() }).passthrough().optional(),
    locale: z.string().optional(),
  })
  .passthrough();

const StoredConversation = z.object({
  v: z.literal(1),
  reference: StoredReference,
  /** When the bot was last seen installed here (install event or a message). */
  seenAt: z.string(),
  /** Set when Teams told us the bot was removed; cleared when it comes back. */
  removedAt: z.string().optional(),
});
export type StoredConversation = z.infer<typeof StoredConversation>;

/**
 * Teams conversation references, one per conversation key, in the shared store: any replica (and
 * a subscription added from the shell) can post a digest to a conversation the bot was added to.
 */
export class KeyvConversationStore {
  private readonly records: Keyv;

  constructor(kv: KvBackend, opts: { namespace?: string } = {}) {
    this.records = kv.namespace(opts.namespace ?? 'teams-conversations');
  }

  async get(key: string): Promise<StoredConversation | undefined> {
    const r = StoredConversation.safeParse(await this.records.get(key));
    return r.success ? r.data : undefined;
  }

  /** The reference to post with, unless the bot was removed from that conversation. */
  async reference(key: string): Promise<Partial<ConversationReference> | undefined> {
    const stored = await this.get(key);
    return stored && stored.removedAt === undefined
      ? (stored.reference as unknown as Partial<ConversationReference>)
      : undefined;
  }

  async save(key: string, reference: Partial<ConversationReference>, now: Date): Promise<void> {
    const record: StoredConversation = { v: 1, reference: StoredReference.parse(reference), seenAt: now.toISOString() };
    await this.records.set(key, record);
  }

  async markRemoved(key: string, now: Date): Promise<void> {
    const stored = await this.get(key);
    if (stored) await this.records.set(key, { ...stored, removedAt: now.toISOString() });
  }
}
