import { detectAll } from 'tinyld';

export type ReadLanguage = 'en' | 'fr';

/** How much text the detector reads: enough for a stable answer, short enough to stay fast. */
const SAMPLE_CHARS = 1200;

/**
 * The article's language (ISO 639-1) by tinyld, a maintained n-gram detector. French and English
 * are read; any other language is reported as detected and left alone. The declared language of
 * the document breaks a near tie, never overrides a clear answer.
 */
export function detectLanguage(text: string, declared?: string): string {
  const sample = sampleOf(text);
  const ranked = detectAll(sample);
  const top = ranked[0];
  if (!top) return declared && /^[a-z]{2}$/.test(declared) ? declared : 'und';
  if (declared && declared !== top.lang) {
    const second = ranked.find((r) => r.lang === declared);
    if (second && second.accuracy > top.accuracy * 0.6) return declared;
  }
  return top.lang;
}

export function isReadLanguage(lang: string): lang is ReadLanguage {
  return lang === 'en' || lang === 'fr';
}

/** Skips a leading title line so a short all-caps headline does not sway the answer. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf(' ', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
}
