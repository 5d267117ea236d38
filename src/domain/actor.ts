import { z } from 'zod';
import { Bilingual } from './text';

export const ActorKind = z.enum(['state', 'organisation', 'group', 'person']);
export type ActorKind = z.infer<typeof ActorKind>;

/**
 * State ids are ISO 3166-1 alpha-2 (`KP`), threat groups MITRE ATT&CK ids (`G0032`),
 * organisations short upper-case ids (`EU`, `NATO`, `US-DOJ`), people lower-case slugs.
 */
export const ActorId = z
  .string()
  .regex(/^([A-Z]{2}|G\d{4}|[A-Z][A-Z0-9]*(-[A-Z0-9]+)*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/, 'not a valid actor id');
export type ActorId = z.infer<typeof ActorId>;

export const Actor = z.object({
  id: ActorId,
  kind: ActorKind,
  name: Bilingual,
  /** Other names in either language (short forms, vendor names for groups, acronyms). */
  aliases: z.array(z.string().min(1)).default([]),
  /** For groups: the state they are publicly linked to; for bodies and people: their state. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** An organisation or body this one belongs to (EEAS -> EU, NCSC-UK -> GB). */
  parent: z.string().optional(),
  /** Words that point at this actor without naming it: demonyms, capitals as metonyms, ministries. */
  references: z.object({ en: z.array(z.string()).default([]), fr: z.array(z.string()).default([]) }).optional(),
  description: Bilingual.optional(),
  sources: z.array(z.string().url()).default([]),
});
export type Actor = z.infer<typeof Actor>;

export const ActorRef = z.object({ id: z.string(), kind: ActorKind, name: z.string() });
export type ActorRef = z.infer<typeof ActorRef>;
