import { z } from 'zod';
import { DevelopmentType } from './development';
import { SourceKind } from './source';
import { Locale } from './text';

/** One generated statement: what happened, when, and which numbered sources say so. */
export const ScreenLine = z.object({
  kind: z.enum(['attribution', 'suspicion', 'denial', 'response', 'event']),
  type: DevelopmentType,
  start: z.string(),
  end: z.string(),
  /** "19–20 Dec 2017", as precise as the dates are. */
  date: z.string(),
  /** The statement, without date or citations. */
  text: z.string(),
  /** How many developments the statement merges. */
  merged: z.number().int().positive(),
  /** Numbers in the answer's Sources list. */
  cites: z.array(z.number().int().positive()),
  /** The whole line as every surface shows it: "19–20 Dec 2017 — ... [2][3]"; denials put the date after. */
  line: z.string(),
});
export type ScreenLine = z.infer<typeof ScreenLine>;

export const ScreenSource = z.object({
  n: z.number().int().positive(),
  id: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  published: z.string(),
  language: z.string(),
  kind: SourceKind.optional(),
  /** "official", "state media (voice of the Russian government)"... in the reader's language. */
  kindLabel: z.string().optional(),
  /** The source's language when it is not the reader's ("fr"). */
  langMark: z.string().optional(),
});
export type ScreenSource = z.infer<typeof ScreenSource>;

/**
 * The first answer to a lookup, composed once per brief in the reader's language: every surface
 * only lays it out. `timeline`, `sources`, `quotes` and `related` are what the buttons open.
 */
export const FirstScreen = z.object({
  locale: Locale,
  title: z.string(),
  /** "Incident · ransomware", "State", "Threat group". */
  kindLabel: z.string(),
  period: z.object({ start: z.string(), end: z.string().optional() }).optional(),
  periodLabel: z.string(),
  gist: z.array(z.string()).max(3),
  attribution: z.array(ScreenLine).max(4),
  denials: z.array(ScreenLine),
  responses: z.array(ScreenLine).max(4),
  /** Actor briefs: incidents with the actor's role and year. */
  incidents: z.array(z.object({ id: z.string(), name: z.string(), year: z.string(), role: z.string() })).optional(),
  /** How many statements of each list the first screen leaves to the Timeline. */
  more: z.object({ attribution: z.number().int(), responses: z.number().int(), incidents: z.number().int() }),
  timeline: z.array(ScreenLine),
  sources: z.array(ScreenSource),
  /** Article sentences behind the statements, with their language, for the Sources view. */
  quotes: z.array(z.object({ text: z.string(), lang: z.string(), cites: z.array(z.number().int().positive()) })),
  related: z.array(z.object({ id: z.string(), name: z.string(), label: z.string() })),
  asOf: z.string().optional(),
  /** "Knowledge base as of November 2026". */
  asOfLabel: z.string().optional(),
  /** Optional links a surface shows as buttons ("Open full brief" once the web page exists). */
  links: z.object({ full: z.string().optional() }).optional(),
});
export type FirstScreen = z.infer<typeof FirstScreen>;

/** A digest as the channel reads it, composed once with the digest in the channel's language. */
export const DigestView = z.object({
  /** "Cyber-diplomacy digest: 12 developments on 6 incidents", counting exactly what `groups` hold. */
  headline: z.string(),
  count: z.object({ developments: z.number().int(), incidents: z.number().int() }),
  groups: z.array(
    z.object({
      incident: z.object({ id: z.string(), name: z.string() }),
      /** At most three merged statements, each cited. */
      lines: z.array(ScreenLine).max(3),
      /** One source link per incident: the most cited official source, else the most cited. */
      link: z.object({ url: z.string(), label: z.string(), langMark: z.string().optional() }).optional(),
    }),
  ),
  /** Incidents with developments the digest leaves out, named: "also: DNC 2016, MacronLeaks". */
  also: z.array(z.object({ id: z.string(), name: z.string() })),
  alsoLabel: z.string().optional(),
  sources: z.array(ScreenSource),
});
export type DigestView = z.infer<typeof DigestView>;
