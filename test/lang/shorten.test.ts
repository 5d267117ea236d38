import { shortenMiddle } from '../../src/lang/shorten';

describe('shortenMiddle', () => {
  it('keeps short labels as they are', () => {
    expect(shortenMiddle('WannaCry', 75)).toBe('WannaCry');
  });

  it('cuts the middle so the start and the distinguishing end stay', () => {
    const label = 'Intrusion dans la messagerie du Parlement norvégien par les failles Exchange (2021)';
    const short = shortenMiddle(label, 40);
    expect([...short]).toHaveLength(40);
    expect(short.startsWith('Intrusion dans la')).toBe(true);
    expect(short.endsWith('Exchange (2021)')).toBe(true);
    expect(short).toContain('…');
  });

  it('never splits a character made of two code units', () => {
    expect(shortenMiddle('𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁', 5)).toBe('𝔸𝔹…𝕀𝕁');
  });
});
