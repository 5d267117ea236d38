import type { Actor } from '../domain/actor';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { KbFeed } from './schema';

export interface KnowledgeBase {
  actors: Actor[];
  incidents: Incident[];
  developments: Development[];
  sources: Source[];
  feeds: KbFeed[];
  /** Hash of every file read: a changed knowledge base means curated records are refreshed. */
  version: string;
}
