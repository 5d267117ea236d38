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
  const counts = functionWords(sample);
  const quick = clearFrenchOrEnglish(counts) ?? shortFrenchOrEnglish(counts);
  if (quick) return quick;
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

const FR_WORDS = new Set([
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'une',
  'est',
  'et',
  'que',
  'qui',
  'dans',
  'pour',
  'par',
  'sur',
  'au',
  'aux',
  'pas',
  'avec',
  'ont',
  'été',
  'son',
  'ses',
  'cette',
]);
const EN_WORDS = new Set([
  'the',
  'of',
  'and',
  'to',
  'in',
  'is',
  'that',
  'for',
  'on',
  'with',
  'was',
  'by',
  'has',
  'have',
  'from',
  'its',
  'it',
  'were',
  'which',
  'said',
  'had',
]);
/** Most French and English news is told apart by its function words alone; the detector decides the rest. */
function clearFrenchOrEnglish({ fr, en, other }: WordCounts): 'fr' | 'en' | undefined {
  if (fr >= 12 && fr >= 4 * (en + other)) return 'fr';
  if (en >= 12 && en >= 4 * (fr + other)) return 'en';
  return undefined;
}

/** Below this many words, n-gram statistics are too thin to be trusted over function words. */
const SHORT_TEXT_WORDS = 60;

/**
 * A short text (a headline and a paragraph, a stub page) gives the n-gram detector too little to
 * go on: clean English was taken for Berber or Irish. Two function words of one language and none
 * that contradicts them settle it; a text with no such words still goes to the detector.
 */
function shortFrenchOrEnglish({ fr, en, other, words }: WordCounts): 'fr' | 'en' | undefined {
  if (words >= SHORT_TEXT_WORDS) return undefined;
  if (fr >= 2 && fr >= 3 * (en + other)) return 'fr';
  if (en >= 2 && en >= 3 * (fr + other)) return 'en';
  return undefined;
}

interface WordCounts {
  fr: number;
  en: number;
  other: number;
  words: number;
}

function functionWords(sample: string): WordCounts {
  let fr = 0;
  let en = 0;
  let other = 0;
  const words = sample
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
  for (const w of words.slice(0, 150)) {
    if (FR_WORDS.has(w)) fr++;
    else if (EN_WORDS.has(w)) en++;
    else if (
      /^(der|die|das|und|ist|nicht|el|los|las|y|es|il|di|che|non|het|een|van|del|della|dos|das|och|og|og|ikke)$/.test(w)
    )
      other++;
  }
  return { fr, en, other, words: words.length };
}

/** Cuts the sample at a word boundary. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf(' ', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
}
