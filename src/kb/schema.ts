import { z } from 'zod';
import { Actor } from '../domain/actor';
import { PartialDate } from '../domain/dates';
import { DevelopmentType, Stance } from '../domain/development';
import { Incident } from '../domain/incident';
import { SourceKind } from '../domain/source';
import { Bilingual } from '../domain/text';

/** YAML reads `2017` as a number: dates are strings in the domain, whatever the author typed. */
const KbDate = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), PartialDate);

/** A reference as written in an incident file; `key` is local to that file. */
export const KbSourceEntry = z.object({
  key: z.string().min(1),
  url: z.string().url(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  published: KbDate,
  language: z.string().min(2).max(3),
  kind: SourceKind.optional(),
});

export const KbDevelopmentEntry = z.object({
  type: DevelopmentType,
  date: KbDate,
  by: z.array(z.string()).default([]),
  against: z.array(z.string()).default([]),
  stance: Stance.optional(),
  text: Bilingual,
  /** Keys of this file's `sources`. */
  sources: z.array(z.string()).min(1, 'every curated development cites at least one source'),
  /** Other incidents this development is also about (the EU sanctions of 2020 concern WannaCry, NotPetya...). */
  alsoAbout: z.array(z.string()).default([]),
});

export const KbIncidentFile = Incident.omit({ origin: true })
  .extend({
    period: z.object({ start: KbDate, end: KbDate.optional() }),
    sources: z.array(KbSourceEntry).min(1),
    developments: z.array(KbDevelopmentEntry).default([]),
  })
  .strict();
export type KbIncidentFile = z.infer<typeof KbIncidentFile>;

export const KbActorFile = z.array(Actor.strict());

/** Extra words for states, keyed by ISO code; names themselves come from i18n-iso-countries. */
export const KbStateExtras = z.record(
  z.string().regex(/^[A-Z]{2}$/),
  z
    .object({
      aliases: z.array(z.string()).default([]),
      references: z
        .object({ en: z.array(z.string()).default([]), fr: z.array(z.string()).default([]) })
        .default({ en: [], fr: [] }),
      /** Overrides the package's name when the short usual name reads better in a brief. */
      name: Bilingual.optional(),
    })
    .strict(),
);

export const KbFeed = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    url: z.string().url(),
    title: z.string(),
    language: z.enum(['en', 'fr']),
    kind: z.enum(['government', 'eu', 'cert', 'news', 'international']),
  })
  .strict();
export const KbFeedFile = z.array(KbFeed);
export type KbFeed = z.infer<typeof KbFeed>;
