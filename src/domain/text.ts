import { z } from 'zod';

export const Locale = z.enum(['en', 'fr']);
export type Locale = z.infer<typeof Locale>;
export const LOCALES: readonly Locale[] = ['en', 'fr'];

/** Text written by the project in both languages (the curated knowledge base). */
export const Bilingual = z.object({ en: z.string().min(1), fr: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * Text in one or both languages. Ingested text exists only in its source's language;
 * renderers must say so rather than pretend it was translated.
 */
export const LocalText = z
  .object({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() })
  .refine((t) => t.en !== undefined || t.fr !== undefined, 'needs an en or fr text');
export type LocalText = z.infer<typeof LocalText>;

/** Picks the text in the wanted locale, else the other one, and tells which language it is in. */
export function pickText(t: LocalText, locale: Locale): { text: string; lang: Locale } {
  const own = t[locale];
  if (own !== undefined) return { text: own, lang: locale };
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  return { text: t[other] ?? '', lang: other };
}
