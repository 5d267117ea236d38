import type { Locale } from '../domain/text';

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Sentence boundaries from ICU (Intl.Segmenter), which already knows quotes and most
 * punctuation; the ingestion pipeline adds its own repairs for scraped news text.
 */
export function splitSentences(text: string, locale: Locale | string): string[] {
  let seg = segmenters.get(locale);
  if (!seg) {
    seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, seg);
  }
  const out: string[] = [];
  for (const s of seg.segment(text)) {
    const t = s.segment.trim();
    if (t) out.push(t);
  }
  return out;
}
