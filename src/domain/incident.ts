import { z } from 'zod';
import { PartialDate } from './dates';
import { Bilingual } from './text';

export const IncidentType = z.enum([
  'ransomware',
  'wiper',
  'espionage',
  'intrusion',
  'ddos',
  'supply-chain',
  'sabotage',
  'hack-and-leak',
  'election-interference',
  'data-breach',
  'disinformation',
  'policy',
  'sanctions',
]);
export type IncidentType = z.infer<typeof IncidentType>;

export const IncidentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'incident ids are lower-case slugs');

export const Incident = z.object({
  id: IncidentId,
  name: Bilingual,
  aliases: z.array(z.string().min(1)).default([]),
  type: IncidentType,
  period: z.object({ start: PartialDate, end: PartialDate.optional() }),
  /** Actor ids of the states, organisations or people hit. */
  targets: z.array(z.string()).default([]),
  /** Actor ids publicly suspected or accused (groups and states). */
  suspected: z.array(z.string()).default([]),
  /** Who or what was hit, in words (sectors, systems, victims without an actor id). */
  targetsText: Bilingual.optional(),
  impact: z
    .object({
      text: Bilingual,
      /** Round public figures: `computers`, `countries`, `organisations`, `costUsd`, `records`... */
      figures: z.record(z.string(), z.number()).default({}),
    })
    .optional(),
  summary: Bilingual,
  related: z.array(z.string()).default([]),
  origin: z.enum(['curated', 'ingested']).default('curated'),
});
export type Incident = z.infer<typeof Incident>;
