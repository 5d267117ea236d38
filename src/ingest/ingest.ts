import type { PartialDate } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { Logger } from '../log';
import type { BriefingService } from '../service/briefing-service';
import { type Extraction, extract, type ReadDevelopment } from './extract';
import { Lexicon } from './lexicon/lexicon';
import { type Article, readArticle } from './read/read-article';

export interface IngestInput {
  bytes: Uint8Array;
  /** File name or URL: tells HTML and Markdown apart, and names the file in messages. */
  name: string;
  /** Publication date from the caller (a feed item's), used when the article has none. */
  published?: PartialDate;
  url?: string;
  title?: string;
  /** Read from a feed's back catalogue: its developments are marked so digests leave them out. */
  backfill?: boolean;
}

export type IngestOutcome =
  | {
      status: 'added';
      sourceId: string;
      developments: number;
      merged: number;
      linked: string[];
      created: string[];
      extraction: Extraction;
    }
  | { status: 'unchanged'; sourceId: string }
  | { status: 'nothing'; sourceId: string; language: string; note: string }
  | { status: 'refused'; problem: string };

/**
 * How another part of cyberbrief (the feeds' same-story check) recognises that a development
 * repeats one already stored, told by another outlet or in the other language.
 */
export interface SameStoryHook {
  /** The stored development `dev` repeats, among `candidates` (the incident's), if any. */
  find(dev: Development, candidates: readonly Development[], x: Extraction): Promise<Development | undefined>;
  /** The stored development with the new one folded in (its source, a more precise date...). */
  merge(existing: Development, incoming: Development): Development;
}

export interface IngestorOptions {
  sameStory?: SameStoryHook;
}

/**
 * Longest article text kept with its source: enough to re-read any news story. The catalog holds
 * sources in memory, so a scraped page's endless comments must not ride along.
 */
const MAX_SOURCE_TEXT = 50_000;
/** Longest development text: the evidence sentence, or a clause of it. */
const MAX_DEV_TEXT = 600;

/**
 * Reads articles and records what they say through the BriefingService, so the in-memory catalog
 * and search stay in step with the store. Writes go source first, incidents next, and a marker
 * `ingested:<hash>` last: an interrupted run is finished by the next one (development ids are
 * derived from the content hash, so replaying replaces rather than duplicates), and an article
 * whose marker exists is skipped without reading.
 */
export class Ingestor {
  private lex: Lexicon | undefined;
  private lexCatalog: unknown;

  constructor(
    private readonly service: BriefingService,
    private readonly now: () => Date = () => new Date(),
    private readonly log?: Logger,
    private readonly options: IngestorOptions = {},
  ) {}

  /** The knowledge base as a matcher, rebuilt only when the catalog changed under us. */
  lexicon(): Lexicon {
    const catalog = this.service.data;
    if (
      !this.lex ||
      this.lexCatalog !== catalog ||
      this.lex.incidents.size !== catalog.incidents.size ||
      this.lex.actors.size !== catalog.actors.size
    ) {
      this.lex = new Lexicon(catalog.actors.values(), catalog.incidents.values());
      this.lexCatalog = catalog;
    }
    return this.lex;
  }

  /** Reads without storing: `cyberbrief extract`. */
  read(input: IngestInput): { ok: true; extraction: Extraction; article: Article } | { ok: false; problem: string } {
    const r = readArticle(input.bytes, input.name);
    if (!r.ok) return r;
    const article = { ...r.article, url: r.article.url ?? input.url, title: r.article.title ?? input.title };
    return {
      ok: true,
      article,
      extraction: extract(article, this.lexicon(), { published: input.published, today: this.now }),
    };
  }

  async ingest(input: IngestInput): Promise<IngestOutcome> {
    const r = this.read(input);
    if (!r.ok) return { status: 'refused', problem: r.problem };
    const x = r.extraction;
    const marker = `ingested:${x.sourceId}`;
    if ((await this.service.store.getMeta(marker)) !== undefined) return { status: 'unchanged', sourceId: x.sourceId };
    if (!x.read || x.developments.length === 0) {
      return {
        status: 'nothing',
        sourceId: x.sourceId,
        language: x.language,
        note: x.notes[x.notes.length - 1] ?? 'nothing to record',
      };
    }
    const recordedAt = this.now().toISOString();
    const source: Source = {
      id: x.sourceId,
      url: validUrl(r.article.url),
      title: (r.article.title ?? headline(r.article.text)).slice(0, 300),
      language: x.language,
      published: x.published,
      text: r.article.text.slice(0, MAX_SOURCE_TEXT),
      origin: 'ingested',
    };
    await this.service.saveSource(source);

    const created = new Map(x.newIncidents.map((i) => [i.id, i]));
    const byHome = new Map<string, ReadDevelopment[]>();
    for (const d of x.developments) {
      const home = d.incidents[0] as string;
      byHome.set(home, [...(byHome.get(home) ?? []), d]);
    }
    let added = 0;
    let merged = 0;
    const linked: string[] = [];
    for (const [home, devs] of byHome) {
      const incident: Incident | undefined = created.get(home) ?? this.service.data.incident(home);
      if (!incident) {
        this.log?.warn('ingest.incident_missing', { incident: home, source: x.sourceId });
        continue;
      }
      const list = [...this.service.data.ownedDevelopments(home)].filter((d) => !d.id.startsWith(`ing-${x.sourceId}-`));
      for (const d of devs) {
        const dev = toDevelopment(d, x, recordedAt, x.developments.indexOf(d), input.backfill === true);
        const twin = list.find((o) => o.origin === 'ingested' && sameAct(o, dev));
        const similar = twin ? undefined : await this.options.sameStory?.find(dev, list, x);
        if (twin) {
          // The same act told by another outlet: one development, one more source.
          if (!twin.sources.includes(x.sourceId))
            list[list.indexOf(twin)] = { ...twin, sources: [...twin.sources, x.sourceId] };
          merged++;
        } else if (similar && list.includes(similar)) {
          list[list.indexOf(similar)] = (this.options.sameStory as SameStoryHook).merge(similar, dev);
          merged++;
        } else {
          list.push(dev);
          added++;
        }
      }
      await this.service.saveIncident(incident, list);
      if (!created.has(home)) linked.push(home);
    }
    await this.service.store.setMeta(marker, { at: recordedAt, developments: added, merged });
    for (const inc of created.values()) this.lex?.addIncident(inc);
    this.log?.info('ingest.article_added', {
      source: x.sourceId,
      developments: added,
      merged,
      linked: linked.length,
      created: created.size,
    });
    return {
      status: 'added',
      sourceId: x.sourceId,
      developments: added,
      merged,
      linked,
      created: [...created.keys()],
      extraction: x,
    };
  }
}

function toDevelopment(
  d: ReadDevelopment,
  x: Extraction,
  recordedAt: string,
  n: number,
  backfill: boolean,
): Development {
  const lang = x.language === 'fr' ? 'fr' : 'en';
  const text =
    d.evidence.length > MAX_DEV_TEXT ? `${d.evidence.slice(0, MAX_DEV_TEXT - 1).replace(/\s+\S*$/, '')}…` : d.evidence;
  return {
    id: `ing-${x.sourceId}-${n}`,
    type: d.type,
    date: d.date,
    by: d.by,
    against: d.against,
    incidents: d.incidents,
    stance: d.stance,
    text: { [lang]: text },
    evidence: { text: d.evidence, lang: x.language },
    sources: [x.sourceId],
    origin: 'ingested',
    recordedAt,
    ...(backfill ? { backfill: true } : {}),
  };
}

function sameAct(a: Development, b: Development): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return (
    a.type === b.type &&
    a.date === b.date &&
    same(a.by, b.by) &&
    same(a.against, b.against) &&
    same(a.incidents, b.incidents)
  );
}

/** A title for an article that has none: its first words, so a brief cites something readable rather than a hash. */
function headline(text: string): string {
  const first = text.split(/\n/)[0]?.trim() ?? '';
  if (first.length <= 90) return first;
  const cut = first.lastIndexOf(' ', 88);
  return `${first.slice(0, cut > 40 ? cut : 88)}…`;
}

function validUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
