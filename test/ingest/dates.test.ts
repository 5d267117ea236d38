import { findDates } from '../../src/ingest/dates/resolve';

const dateIn = (text: string, lang: 'en' | 'fr', published: string) =>
  findDates(text, lang, published).map((d) => d.date);

describe('dates resolved against the publication date', () => {
  it.each([
    ['fr', '2017-06-21', 'ont adopté lundi une boîte à outils', '2017-06-19'],
    ['fr', '2021-07', 'les attaques menées en mars dernier', '2021-03'],
    ['fr', '2021-02', 'les attaques menées en mars dernier', '2020-03'],
    ['fr', '2017-06', 'à deux jours du second tour, début mai', '2017-05'],
    ['fr', '2021-07-21', "a annoncé ce lundi l'inculpation", '2021-07-19'],
    ['fr', '2020-11-23', 'a utilisé vendredi dernier les codes', '2020-11-20'],
    ['fr', '2020-11', 'ont demandé en juin 2019 de nouveaux efforts', '2019-06'],
    ['fr', '2021-07', 'fin avril, les pirates', '2021-04'],
    ['fr', '2020-11', "l'an dernier, Berlin", '2019'],
    ['fr', '2020-11', 'en 2014, Sony', '2014'],
    ['fr', '2021-07-25', 'le 19 juillet 2021', '2021-07-19'],
    ['en', '2021-07-22', 'last Tuesday the EU said', '2021-07-20'],
    ['en', '2021-07-21', 'this Monday the Justice Department', '2021-07-19'],
    ['en', '2021-07-22', 'in June 2019 the Council', '2019-06'],
    ['en', '2017-06', 'the leak in early May', '2017-05'],
    ['en', '2021-07', 'in September, hackers', '2020-09'],
    ['en', '2021-07', 'last year, the agency', '2020'],
    ['en', '2021-07-25', 'on 19 July the allies', '2021-07-19'],
  ] as const)('%s, published %s: "%s" -> %s', (lang, published, text, expected) => {
    expect(dateIn(text, lang, published)).toEqual([expected]);
  });

  it('never claims a day the publication date cannot give', () => {
    expect(dateIn('ont adopté lundi une boîte', 'fr', '2017-06')).toEqual(['2017-06']);
    expect(dateIn('on Monday the ministers', 'en', '2017')).toEqual(['2017']);
  });

  it('reads no date in numbers, in the future, or in names that look like one', () => {
    expect(dateIn('les 28 États membres et trente mille entités', 'fr', '2021-07')).toEqual([]);
    expect(dateIn('the summit next week will decide', 'en', '2021-07-22')).toEqual([]);
    expect(dateIn("Viasat's KA-SAT network and Midnight Blizzard", 'en', '2022-05-10')).toEqual([]);
    expect(dateIn('sanctions may follow', 'en', '2021-07')).toEqual([]);
  });
});
