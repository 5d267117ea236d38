import { z } from 'zod';
import { PartialDate } from './dates';
import { LocalText } from './text';

export const DevelopmentType = z.enum([
  'attack',
  'disclosure',
  'attribution',
  'denial',
  'condemnation',
  'sanction',
  'indictment',
  'summons',
  'expulsion',
  'policy',
  'inquiry',
  'statement',
  'investigation',
]);
export type DevelopmentType = z.infer<typeof DevelopmentType>;

/** How firmly an attribution is made: formal and public, or only suspected. */
export const Stance = z.enum(['attributed', 'suspected', 'denied']);
export type Stance = z.infer<typeof Stance>;

export const Development = z.object({
  id: z.string().min(1),
  type: DevelopmentType,
  date: PartialDate,
  by: z.array(z.string()).default([]),
  against: z.array(z.string()).default([]),
  incidents: z.array(z.string()).min(1),
  /** For attributions and denials. */
  stance: Stance.optional(),
  /** What happened, in the project's words (curated) or the evidence sentence's language (ingested). */
  text: LocalText,
  /** The sentence the development was read from, in its source's language. */
  evidence: z.object({ text: z.string(), lang: z.string() }).optional(),
  sources: z.array(z.string()).default([]),
  origin: z.enum(['curated', 'ingested']).default('curated'),
  /** Read from a followed feed's back catalogue: it reaches lookups, never a digest or `latest`. */
  backfill: z.boolean().optional(),
  /** When cyberbrief learned of it (ISO instant): digests select on this, never on `date`. */
  recordedAt: z.string().datetime({ offset: true }),
});
export type Development = z.infer<typeof Development>;
