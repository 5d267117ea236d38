import { z } from 'zod';
import { ActorRef } from './actor';
import { DevelopmentType } from './development';
import { SourceRef } from './brief';
import { DigestView } from './screen';
import { Locale } from './text';

/** The neutral value of one digest; the JSON contract of `digest --json`. */
export const Digest = z.object({
  since: z.string(),
  until: z.string(),
  locale: Locale,
  incidents: z.array(
    z.object({
      incident: z.object({ id: z.string(), name: z.string() }),
      developments: z.array(
        z.object({
          id: z.string(),
          type: DevelopmentType,
          date: z.string(),
          by: z.array(ActorRef),
          against: z.array(ActorRef),
          text: z.string(),
          lang: z.string(),
          significance: z.number(),
          sources: z.array(z.string()),
        }),
      ),
    }),
  ),
  more: z.number().int().nonnegative(),
  sources: z.array(SourceRef),
  /** What every surface shows: merged, cited statements in the digest's language. */
  view: DigestView.optional(),
});
export type Digest = z.infer<typeof Digest>;
