import type { Brief } from '../../src/domain/brief';
import type { Locale } from '../../src/domain/text';
import type { SlackMessage } from './blocks';
import { renderBrief } from './render-brief';

interface Entry {
  catalog: unknown;
  until: number;
  brief: Brief;
  ephemeral?: SlackMessage;
}

/**
 * The last briefs asked for, with their private rendering: the incident in the news is looked up
 * by many people within minutes, and answering from here keeps a lookup inside its ack. An entry
 * is dropped when the catalog is reloaded (another replica wrote) and after `ttlMs` otherwise (an
 * ingestion in this process), the same staleness replicas already accept between reloads.
 */
export class BriefCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** The catalog in use: a new one (a reload) makes every entry stale. */
    private readonly catalog: () => unknown,
    /** How a lookup becomes a brief (src/chat, so every surface answers alike). */
    private readonly compose: (query: string, locale: Locale) => Brief,
    private readonly ttlMs = 30_000,
    private readonly max = 500,
    private readonly now: () => number = Date.now,
  ) {}

  brief(query: string, locale: Locale): Brief {
    return this.entry(query, locale).brief;
  }

  /** The "visible to you only" rendering, the most common answer. */
  ephemeral(query: string, locale: Locale): { brief: Brief; message: SlackMessage } {
    const e = this.entry(query, locale);
    e.ephemeral ??= renderBrief(e.brief, { ephemeral: true });
    return { brief: e.brief, message: e.ephemeral };
  }

  private entry(query: string, locale: Locale): Entry {
    const key = `${locale}\u0000${query.trim()}`;
    const catalog = this.catalog();
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit && hit.catalog === catalog && hit.until > t) {
      // Least recently used goes first: re-inserting moves the key to the end of the Map.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const fresh: Entry = { catalog, until: t + this.ttlMs, brief: this.compose(query, locale) };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return fresh;
  }
}
