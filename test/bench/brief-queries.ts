/** The lookup mix measured by the brief bench: exact names, summary words, typos, French, actors, years. */
export const BRIEF_QUERIES: { q: string; lang: 'en' | 'fr'; kind: string }[] = [
  { q: 'wannacry', lang: 'en', kind: 'exact' },
  { q: 'microsoft exchange', lang: 'fr', kind: 'exact' },
  { q: 'Operation amber basalt', lang: 'en', kind: 'words' },
  { q: 'wanacry', lang: 'en', kind: 'fuzzy' },
  { q: 'notpetia', lang: 'fr', kind: 'fuzzy' },
  { q: 'visioconférence', lang: 'fr', kind: 'french' },
  { q: 'Corée du Nord', lang: 'fr', kind: 'french' },
  { q: 'chine', lang: 'fr', kind: 'french' },
  { q: 'lazarus', lang: 'en', kind: 'actor' },
  { q: 'russia', lang: 'en', kind: 'actor' },
  { q: '2017', lang: 'en', kind: 'year' },
];
