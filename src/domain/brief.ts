import { z } from 'zod';
import { ActorKind, ActorRef } from './actor';
import { DevelopmentType, Stance } from './development';
import { SourceKind } from './source';
import { FirstScreen } from './screen';
import { Locale } from './text';

export const SourceRef = z.object({
  id: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  published: z.string(),
  language: z.string(),
  kind: SourceKind.optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Candidate = z.object({
  id: z.string(),
  kind: z.enum(['incident', 'actor']),
  name: z.string(),
  score: z.number(),
  /** What it is, to tell namesakes apart: "Incident · 2020", "State", "Threat group". */
  detail: z.string().optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** The neutral value every surface renders (terminal, Block Kit, Adaptive Card); the JSON contract of `brief --json`. */
export const Brief = z.object({
  query: z.string(),
  locale: Locale,
  status: z.enum(['found', 'ambiguous', 'not_found']),
  subject: z
    .object({
      kind: z.enum(['incident', 'actor']),
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      actorKind: ActorKind.optional(),
    })
    .optional(),
  title: z.string(),
  period: z.object({ start: z.string(), end: z.string().optional() }).optional(),
  summary: z.array(z.string()),
  attribution: z.array(
    z.object({
      date: z.string(),
      stance: Stance,
      by: z.array(ActorRef),
      to: z.array(ActorRef),
      /** Short sentence of what was said, in `lang`. */
      text: z.string(),
      lang: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  responses: z.array(
    z.object({
      date: z.string(),
      type: DevelopmentType,
      by: z.array(ActorRef),
      against: z.array(ActorRef),
      text: z.string(),
      lang: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  timeline: z.array(
    z.object({
      date: z.string(),
      type: DevelopmentType,
      text: z.string(),
      lang: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  related: z.array(z.object({ id: z.string(), name: z.string() })),
  sources: z.array(SourceRef),
  candidates: z.array(Candidate).optional(),
  /** For not_found: names the user may have meant. */
  suggestions: z.array(z.string()).optional(),
  /** Incidents in an actor brief (attributed to or targeting the actor). */
  incidents: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        period: z.object({ start: z.string(), end: z.string().optional() }),
        role: z.enum(['suspected', 'target', 'responder']),
      }),
    )
    .optional(),
  /** The knowledge base's newest curated date (YYYY-MM-DD): "Knowledge base as of <month year>". */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The first answer every surface lays out, composed once with the brief; `sources` follows its numbering. */
  screen: FirstScreen.optional(),
});
export type Brief = z.infer<typeof Brief>;
