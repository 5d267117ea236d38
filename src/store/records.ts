import { z } from 'zod';
import { Actor } from '../domain/actor';
import { Development } from '../domain/development';
import { Incident } from '../domain/incident';
import { Source } from '../domain/source';

/**
 * Stored shapes. `v` is the record format: a later release that changes it migrates old
 * records when it reads them (see `migrate`), never by rewriting the store behind the user's back.
 */
export const RECORD_VERSION = 1;

/** An incident and the developments whose first incident it is: one key, so one atomic write. */
export const StoredIncident = z.object({ v: z.literal(RECORD_VERSION), incident: Incident, developments: z.array(Development) });
export type StoredIncident = z.infer<typeof StoredIncident>;
export const StoredSource = z.object({ v: z.literal(RECORD_VERSION), source: Source });
export const StoredActor = z.object({ v: z.literal(RECORD_VERSION), actor: Actor });

/** Hook for future formats: takes any stored value and returns it in the current format. */
export function migrate(value: unknown): unknown {
  return value;
}
