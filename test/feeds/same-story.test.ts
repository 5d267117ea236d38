import { readArticleHtml } from '../../src/feeds/article-text';
import { htmlToText } from '../../src/feeds/html-text';
import { minhash, shingles, similarity } from '../../src/feeds/minhash';
import {
  compareStories,
  compatibleDates,
  findSameDevelopment,
  fingerprint,
  mergeDevelopment,
} from '../../src/feeds/same-story';
import type { Development } from '../../src/domain/development';
import { fixture } from './support/feed-server';

const page = (name: string) => readArticleHtml(fixture(`articles/${name}`).toString('utf8')).text;
const exchangeEntities = ['GB', 'US', 'EU', 'CN', 'exchange-2021'];

const A = fingerprint({ text: page('a-exchange.html'), lang: 'en', entities: exchangeEntities, dates: ['2021-07-19'] });
const B = fingerprint({ text: page('b-exchange.html'), lang: 'en', entities: exchangeEntities, dates: ['2021-07-19'] });
const C = fingerprint({
  text: htmlToText(fixture('articles/c-exchange.fragment.html').toString('utf8')),
  lang: 'fr',
  entities: exchangeEntities,
  dates: ['2021-07-19'],
});
const N = fingerprint({
  text: page('latin1-article.source.html'),
  lang: 'fr',
  entities: ['NO', 'CN', 'storting-2021'],
  dates: ['2021'],
});

function dev(over: Partial<Development>): Development {
  return {
    id: 'x',
    type: 'attribution',
    date: '2021-07-19',
    by: ['GB'],
    against: ['CN'],
    incidents: ['exchange-2021'],
    text: { en: 'The UK attributed the Exchange hacks to China.' },
    sources: ['src-a'],
    origin: 'ingested',
    recordedAt: '2021-07-19T14:00:00.000Z',
    ...over,
  };
}

describe('MinHash', () => {
  it('estimates Jaccard similarity of shingle sets', () => {
    const base =
      'the council adopted restrictive measures against six persons and three entities responsible for cyber attacks';
    const copy = `${base} on thursday`;
    expect(similarity(minhash(shingles(base)), minhash(shingles(copy)))).toBeGreaterThan(0.7);
    expect(
      similarity(
        minhash(shingles(base)),
        minhash(shingles('a recipe for apple tart with butter and sugar baked slowly in the oven')),
      ),
    ).toBeLessThan(0.1);
    expect(similarity(minhash(new Set()), minhash(new Set()))).toBe(0);
  });
});

describe('same story', () => {
  it('matches two English outlets and the French one through entities and dates, not a different story', () => {
    expect(compareStories(A, B).same).toBe(true);
    expect(compareStories(A, C)).toMatchObject({ same: true, text: 0 });
    expect(compareStories(B, C).same).toBe(true);
    expect(compareStories(A, N).same).toBe(false);
    expect(compareStories(C, N).same).toBe(false);
  });

  it('does not match across languages on a few shared years and brand names alone', () => {
    const a = fingerprint({ text: page('a-exchange.html'), lang: 'en' });
    const c = fingerprint({
      text: htmlToText(fixture('articles/c-exchange.fragment.html').toString('utf8')),
      lang: 'fr',
    });
    expect(compareStories(a, c).same).toBe(false);
  });

  it('finds the stored development an article repeats, and keeps acts of different parties apart', () => {
    const stored = dev({ id: 'd-uk', sources: ['src-a'] });
    const usStored = dev({ id: 'd-us', by: ['US'], sources: ['src-a'] });
    const known = [
      { dev: stored, stories: [A] },
      { dev: usStored, stories: [A] },
    ];
    expect(
      findSameDevelopment(
        dev({ id: 'new', sources: ['src-c'], text: { fr: 'Londres attribue le piratage à la Chine.' } }),
        C,
        known,
      )?.id,
    ).toBe('d-uk');
    expect(findSameDevelopment(dev({ id: 'new', by: ['FR'], sources: ['src-c'] }), C, known)).toBeUndefined();
    expect(findSameDevelopment(dev({ id: 'new', type: 'sanction', sources: ['src-c'] }), C, known)).toBeUndefined();
    expect(findSameDevelopment(dev({ id: 'new', date: '2021-08-02', sources: ['src-c'] }), C, known)).toBeUndefined();
    // The same act by the same parties on the same day is the same development, whatever the article.
    expect(findSameDevelopment(dev({ id: 'new', sources: ['src-n'] }), N, known)?.id).toBe('d-uk');
    // A vaguer date and no named party need the story itself to agree.
    expect(
      findSameDevelopment(dev({ id: 'new', by: [], date: '2021-07', sources: ['src-n'] }), N, known),
    ).toBeUndefined();
    expect(
      findSameDevelopment(dev({ id: 'new', by: [], date: '2021-07', sources: ['src-b'] }), B, known),
    ).toBeDefined();
    // Curated history is never rewritten by a feed.
    expect(
      findSameDevelopment(dev({ id: 'new' }), A, [{ dev: dev({ id: 'kb', origin: 'curated' }), stories: [A] }]),
    ).toBeUndefined();
  });

  it('merges by adding the source and what was missing, keeping its parties and when it was first recorded', () => {
    const merged = mergeDevelopment(
      dev({ date: '2021-07', against: [], sources: ['src-a'] }),
      dev({
        date: '2021-07-19',
        by: ['GB', 'US'],
        against: ['CN'],
        sources: ['src-c'],
        text: { fr: 'Londres et Washington accusent Pékin.' },
        recordedAt: '2021-07-20T08:00:00.000Z',
      }),
    );
    expect(merged).toMatchObject({
      date: '2021-07-19',
      by: ['GB'],
      against: ['CN'],
      sources: ['src-a', 'src-c'],
      recordedAt: '2021-07-19T14:00:00.000Z',
      text: { en: 'The UK attributed the Exchange hacks to China.', fr: 'Londres et Washington accusent Pékin.' },
    });
  });

  it('treats dates as compatible when one contains the other or they are a day apart', () => {
    expect(compatibleDates('2021-07-19', '2021-07-20')).toBe(true);
    expect(compatibleDates('2021-07-19', '2021-07-22')).toBe(false);
    expect(compatibleDates('2021-07', '2021-07-22')).toBe(true);
    expect(compatibleDates('2021', '2020-12-31')).toBe(false);
  });
});
