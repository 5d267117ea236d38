import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Actor } from '../domain/actor';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import { packageRoot } from '../package-root';
import { checkKnowledgeBase } from './check';
import { type KbFeed, KbActorFile, KbFeedFile, KbIncidentFile, KbStateExtras } from './schema';
import { stateActors } from './states';
import type { KnowledgeBase } from './types';

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`the knowledge base has ${problems.length} problem(s):\n- ${problems.slice(0, 30).join('\n- ')}`);
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
export function loadKnowledgeBase(dir: string = defaultKbDir()): KnowledgeBase {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const raw = readFileSync(file, 'utf8');
    hash.update(relative(dir, file)).update('\0').update(raw).update('\0');
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
  const yamlFiles = (sub: string): string[] => {
    const d = join(dir, sub);
    if (!existsSync(d)) return [];
    return readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(d, f));
  };

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
        sources.set(id, { id, url: r.url, title: r.title, publisher: r.publisher, published: r.published, language: r.language, origin: 'curated' });
      }
    }
    devs.forEach((d, i) => {
      // Content-derived ids survive reordering, so a refreshed knowledge base keeps each
      // development's recordedAt and digests never re-announce old curated facts.
      const contentId = createHash('sha256').update([d.type, d.date, d.by.join(','), d.against.join(','), d.text.en].join('|')).digest('hex').slice(0, 10);
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

  const kb: KnowledgeBase = { actors, incidents, developments, sources: [...sources.values()], feeds, version: hash.digest('hex').slice(0, 16) };
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
