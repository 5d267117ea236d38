import type { Digest } from '../../../src/domain/digest';
import type { Locale } from '../../../src/domain/text';

const TYPES = ['attribution', 'sanction', 'statement', 'condemnation', 'indictment', 'denial'] as const;

/** A digest of invented developments (the renderers only need its shape, not real events). */
export function makeDigest(
  opts: { locale?: Locale; incidents?: number; developments?: number; textLength?: number; more?: number } = {},
): Digest {
  const locale = opts.locale ?? 'en';
  const n = opts.incidents ?? 2;
  const per = opts.developments ?? 2;
  const filler = 'The ministry repeated its position in a long statement. ';
  const long = (i: number) =>
    opts.textLength
      ? `${`Development ${i}: `}${filler.repeat(Math.ceil(opts.textLength / filler.length))}`.slice(0, opts.textLength)
      : `Invented development number ${i}.`;
  const sources = Array.from({ length: n * per }, (_, i) => ({
    id: `src-${i}`,
    url: `https://news.example.org/story/${i}`,
    title: `Invented story ${i}`,
    published: '2026-03-01',
    language: i % 2 ? 'fr' : 'en',
  }));
  let k = 0;
  return {
    since: '2026-03-01T07:00:00.000Z',
    until: '2026-03-02T07:00:00.000Z',
    locale,
    incidents: Array.from({ length: n }, (_, i) => ({
      incident: { id: `invented-${i}`, name: `Invented incident ${i}` },
      developments: Array.from({ length: per }, () => {
        const j = k++;
        return {
          id: `dev-${j}`,
          type: TYPES[j % TYPES.length]!,
          date: '2026-03-01',
          by: [{ id: 'NO', kind: 'state' as const, name: 'Norway' }],
          against: [{ id: 'G9001', kind: 'group' as const, name: 'Paper Heron' }],
          text: long(j),
          lang: j % 3 === 0 ? 'fr' : locale,
          significance: 1 - j / 1000,
          sources: [`src-${j}`],
        };
      }),
    })),
    more: opts.more ?? 0,
    sources,
  };
}
