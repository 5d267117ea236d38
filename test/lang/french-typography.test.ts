import {
  colon,
  frenchSpacing,
  NBSP,
  NNBSP,
  question,
  quoted,
  typographyFaults,
} from '../../src/lang/french-typography';

describe('French typography', () => {
  it.each([
    ['Attaque: WannaCry', `Attaque${NBSP}: WannaCry`],
    ['Attaque : WannaCry', `Attaque${NBSP}: WannaCry`],
    [`Attaque${NBSP}: WannaCry`, `Attaque${NBSP}: WannaCry`],
    ['Voir aussi: a; b', `Voir aussi${NBSP}: a${NNBSP}; b`],
    ['Vraiment? Oui!', `Vraiment${NNBSP}? Oui${NNBSP}!`],
    ['« pegasus »', `«${NBSP}pegasus${NBSP}»`],
    ['à 08:00 précises', 'à 08:00 précises'],
    ['voir https://example.org/a:b', 'voir https://example.org/a:b'],
  ])('%j -> %j', (input, expected) => {
    expect(frenchSpacing(input)).toBe(expected);
    expect(typographyFaults(frenchSpacing(input), 'fr')).toEqual([]);
  });

  it('finds the faults a French reader would see, and only those', () => {
    expect(typographyFaults('Attaque: WannaCry', 'fr')).toHaveLength(1);
    expect(typographyFaults('Sources ; voir ?', 'fr')).toHaveLength(2);
    expect(typographyFaults('«pegasus»', 'fr')).toHaveLength(2);
    expect(typographyFaults('à 08:00, https://x.org/a: <!here>', 'fr')).toEqual([]);
  });

  it('English never uses guillemets and keeps its colon and question mark tight', () => {
    expect(quoted('pegasus', 'en')).toBe('“pegasus”');
    expect(quoted('pegasus', 'fr')).toBe(`«${NBSP}pegasus${NBSP}»`);
    expect(typographyFaults('No match for « pegasus »', 'en')).toHaveLength(1);
    expect(colon('en')).toBe(':');
    expect(colon('fr')).toBe(`${NBSP}:`);
    expect(question('Did you mean', 'en')).toBe('Did you mean?');
    expect(question('Vouliez-vous dire', 'fr')).toBe(`Vouliez-vous dire${NNBSP}?`);
  });
});
