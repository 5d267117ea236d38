import { z } from 'zod';
import { PartialDate } from './dates';

export const Source = z.object({
  /** Content hash for ingested articles; hash of the URL for curated references. */
  id: z.string().min(6),
  url: z.string().url().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  /** ISO 639-1 code; `en` and `fr` are understood, others are kept as reported. */
  language: z.string().min(2).max(3),
  published: PartialDate,
  /** Article text, kept for ingested sources so they can be re-read; absent for curated references. */
  text: z.string().optional(),
  origin: z.enum(['curated', 'ingested']).default('curated'),
});
export type Source = z.infer<typeof Source>;

export function sourceRef(s: Source): {
  id: string;
  url?: string;
  title?: string;
  published: string;
  language: string;
} {
  return { id: s.id, url: s.url, title: s.title, published: s.published, language: s.language };
}
