/**
 * Folds case, accents, typographic apostrophes and dashes so that "Corée du Nord", "coree du nord"
 * and "CORÉE-DU-NORD" compare equal. Used by search, alias checks and entity matching alike.
 */
export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—―-]/g, ' ')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
