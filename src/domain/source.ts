import { z } from 'zod';
import { PartialDate } from './dates';

/**
 * What kind of voice a source is. `official`: a government, the EU Council or EEAS, NATO, the UN, a
 * court or prosecutor, a national cyber agency. `state-media`: an outlet its government controls
 * (TASS, RT, Xinhua, KCNA...), cited only as that government's voice.
 */
export const SourceKind = z.enum(['official', 'press', 'research', 'state-media']);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.object({
  /** Content hash for ingested articles; hash of the URL for curated references. */
  id: z.string().min(6),
  url: z.string().url().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  /** ISO 639-1 code; `en` and `fr` are understood, others are kept as reported. */
  language: z.string().min(2).max(3),
  published: PartialDate,
  /** Absent for ingested articles whose outlet is not known. */
  kind: SourceKind.optional(),
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
  kind?: SourceKind;
} {
  return { id: s.id, url: s.url, title: s.title, published: s.published, language: s.language, kind: s.kind };
}
