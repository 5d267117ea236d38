import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Actor } from '../domain/actor';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import { CyberbriefError } from '../errors';
import { packageRoot } from '../package-root';
import { checkKnowledgeBase } from './check';
import { type KbFeed, KbActorFile, KbFeedFile, KbIncidentFile, KbStateExtras } from './schema';
import { stateActors } from './states';
import type { KnowledgeBase } from './types';

/** Code `kb`, exit 78: the curated files are part of the deployment's configuration. */
export class KnowledgeBaseError extends CyberbriefError {
  constructor(readonly problems: string[]) {
    super('kb', `the knowledge base has ${problems.length} problem(s):\n- ${problems.slice(0, 30).join('\n- ')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export const defaultKbDir = (): string => join(packageRoot(), 'briefs');

/** Stable id for a curated reference: the same URL cited from two files is one source. */
export function urlSourceId(url: string): string {
  return `ref-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/**
 * Reads and validates every file of `briefs/`. All problems are collected before failing, so that
 * one run of the test tells an editor everything to fix.
 * `recordedAt` is when these curated facts entered the store; historic facts get their own date.
 */
export function loadKnowledgeBase(
  dir: string = defaultKbDir(),
  opts: { cacheDir?: string | false } = {},
): KnowledgeBase {
  const files = kbFiles(dir);
  const contents = new Map<string, string>();
  const hash = createHash('sha256').update(`format ${KB_CACHE_FORMAT}\0`);
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    contents.set(file, raw);
    hash.update(relative(dir, file)).update('\0').update(raw).update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  // YAML parsing is most of a start's cost; a knowledge base already read and checked is kept as JSON.
  const cacheDir =
    opts.cacheDir ?? (dir === defaultKbDir() ? join(packageRoot(), 'node_modules', '.cache', 'cyberbrief') : false);
  const cacheFile = cacheDir ? join(cacheDir, `kb-${version}.json`) : undefined;
  if (cacheFile && existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as KnowledgeBase;
      if (cached.version === version) return cached;
    } catch {
      // An unreadable cache is read again from the YAML below.
    }
  }
  const kb = parseKnowledgeBase(dir, contents, version);
  if (cacheFile) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(kb));
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only install simply parses the YAML at every start.
    }
  }
  return kb;
}

/** Bump when the loader's output changes for the same files, so old cached results are not reused. */
const KB_CACHE_FORMAT = 2;

function kbFiles(dir: string): string[] {
  const yamlIn = (sub: string): string[] => {
    const d = join(dir, sub);
    if (!existsSync(d)) return [];
    return readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(d, f));
  };
  const feeds = join(dir, 'feeds.yaml');
  return [...yamlIn('actors'), ...yamlIn('incidents'), ...(existsSync(feeds) ? [feeds] : [])];
}

function parseKnowledgeBase(dir: string, contents: Map<string, string>, version: string): KnowledgeBase {
  const problems: string[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const raw = contents.get(file) ?? readFileSync(file, 'utf8');
    let data: unknown;
    try {
      data = parseYaml(raw);
    } catch (e) {
      problems.push(`${relative(dir, file)}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10)) {
        problems.push(`${relative(dir, file)}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
      }
      return undefined;
    }
    return parsed.data;
  };
  const yamlFiles = (sub: string): string[] =>
    [...contents.keys()].filter(
      (f) => relative(join(dir, sub), f).split(/[\\/]/).length === 1 && !relative(join(dir, sub), f).startsWith('..'),
    );

  const actorDir = 'actors';
  const statesFile = join(dir, actorDir, 'states.yaml');
  const extras = existsSync(statesFile) ? (read(statesFile, KbStateExtras) ?? {}) : {};
  const actors: Actor[] = stateActors(extras);
  for (const file of yamlFiles(actorDir)) {
    if (file === statesFile) continue;
    actors.push(...(read(file, KbActorFile) ?? []));
  }

  const incidents: Incident[] = [];
  const developments: Development[] = [];
  const sources = new Map<string, Source>();
  for (const file of yamlFiles('incidents')) {
    const f = read(file, KbIncidentFile);
    if (!f) continue;
    const { sources: refs, developments: devs, ...incident } = f;
    incidents.push({ ...incident, origin: 'curated' });
    const keyToId = new Map<string, string>();
    for (const r of refs) {
      const id = urlSourceId(r.url);
      keyToId.set(r.key, id);
      if (!sources.has(id)) {
        sources.set(id, {
          id,
          url: r.url,
          title: r.title,
          publisher: r.publisher,
          published: r.published,
          language: r.language,
          kind: r.kind,
          origin: 'curated',
        });
      }
    }
    devs.forEach((d, i) => {
      // Content-derived ids survive reordering, so a refreshed knowledge base keeps each
      // development's recordedAt and digests never re-announce old curated facts.
      const contentId = createHash('sha256')
        .update([d.type, d.date, d.by.join(','), d.against.join(','), d.text.en].join('|'))
        .digest('hex')
        .slice(0, 10);
      const ids: string[] = [];
      for (const key of d.sources) {
        const id = keyToId.get(key);
        if (id) ids.push(id);
        else problems.push(`${relative(dir, file)}: developments.${i}: unknown source key "${key}"`);
      }
      developments.push({
        id: `kb:${incident.id}:${contentId}`,
        type: d.type,
        date: d.date,
        by: d.by,
        against: d.against,
        incidents: [incident.id, ...d.alsoAbout],
        stance: d.stance,
        text: d.text,
        sources: ids,
        origin: 'curated',
        recordedAt: historicInstant(d.date),
      });
    });
  }

  const feedsFile = join(dir, 'feeds.yaml');
  const feeds: KbFeed[] = existsSync(feedsFile) ? (read(feedsFile, KbFeedFile) ?? []) : [];

  const kb: KnowledgeBase = { actors, incidents, developments, sources: [...sources.values()], feeds, version };
  problems.push(...checkKnowledgeBase(kb));
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return kb;
}

/** The end of a historic development's date: curated history is "recorded" when it happened, not when we shipped it. */
function historicInstant(date: string): string {
  const [y, m = '12', d] = date.split('-');
  const day = d ?? String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}T12:00:00.000Z`;
}
