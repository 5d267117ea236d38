/**
 * Feminine and plural forms of a French demonym from its masculine singular, folded
 * ("chinois" -> chinoise, chinoises; "nord coreen" -> ... coreenne, coreens, coreennes).
 * The knowledge base lists one form; articles use all four.
 */
export function frenchForms(folded: string): string[] {
  const w = folded;
  const forms = new Set<string>([w]);
  if (/(ais|ois|is|us)$/.test(w)) {
    forms.add(`${w}e`).add(`${w}es`);
  } else if (/(ien|een|en)$/.test(w)) {
    forms.add(`${w}ne`).add(`${w}s`).add(`${w}nes`);
  } else if (/on$/.test(w)) {
    forms.add(`${w}ne`).add(`${w}s`).add(`${w}nes`);
  } else if (/e$/.test(w)) {
    forms.add(`${w}s`);
  } else if (/al$/.test(w)) {
    forms
      .add(`${w}e`)
      .add(`${w}es`)
      .add(`${w.slice(0, -2)}aux`);
  } else if (/x$/.test(w)) {
    forms.add(`${w.slice(0, -1)}se`).add(`${w.slice(0, -1)}ses`);
  } else {
    forms.add(`${w}e`).add(`${w}s`).add(`${w}es`);
  }
  return [...forms];
}

/** Plural of an English demonym used as a noun ("Russians"); those in -ese, -ish, -ch do not take one. */
export function englishForms(folded: string): string[] {
  if (/(ese|ish|ch|ss|s)$/.test(folded)) return [folded];
  return [folded, `${folded}s`];
}

/** Whether an English reference word is a demonym (an adjective) rather than a capital or a metonym. */
export function looksLikeEnglishDemonym(folded: string): boolean {
  if (/ (government|authorities|officials)$/.test(folded)) return false;
  if (
    /(tehran|amman|yerevan|abidjan|astana|ashgabat|islamabad|taiwan|pakistan|afghanistan|japan|oman|sudan|iran|bhutan|kazakhstan|hanoi|delhi|helsinki|nairobi|tbilisi|dhabi|bangui|bamako)$/.test(
      folded,
    )
  )
    return false;
  return (
    /(ese|ian|ean|ish|ic|ch|i|can|an|ot|ek|er|ine)$/.test(folded) &&
    !/ /.test(folded.replace(/^(north|south|east|west) /, ''))
  );
}
