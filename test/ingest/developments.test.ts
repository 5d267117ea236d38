import type { Extraction, ReadDevelopment } from '../../src/ingest/extract';
import { read } from './support';

/** Every development read, tied to an incident or not: these tests are about reading, not linking. */
const all = (x: Extraction) => [...x.developments, ...x.unlinked];
const of = (devs: ReadDevelopment[], type: string) => devs.filter((d) => d.type === type);
const brief = (d: ReadDevelopment) => ({ type: d.type, by: d.by, against: d.against, stance: d.stance, date: d.date });

describe('developments: who does what to whom', () => {
  it('reads an accusation, a formal attribution to a named body, a summons and a denial', () => {
    const x = read(
      "La France a accusé lundi la Russie d'avoir piraté les serveurs d'un ministère. " +
        'Le Royaume-Uni attribue formellement ces intrusions au GRU, le renseignement militaire russe. ' +
        "Paris a convoqué l'ambassadeur de Russie dans la foulée. " +
        'Moscou a démenti toute implication et dénoncé une campagne de désinformation.',
      '2024-03-13',
    );
    expect(of(all(x), 'attribution').map(brief)).toEqual([
      { type: 'attribution', by: ['FR'], against: ['RU'], stance: 'attributed', date: '2024-03-11' },
      { type: 'attribution', by: ['GB'], against: ['RU-GRU', 'RU'], stance: 'attributed', date: '2024-03-13' },
    ]);
    expect(of(all(x), 'summons').map(brief)).toEqual([
      { type: 'summons', by: ['FR'], against: ['RU'], stance: undefined, date: '2024-03-13' },
    ]);
    expect(of(all(x), 'denial').map((d) => d.by)).toEqual([['RU']]);
  });

  it('reads a passive attribution with its author after "par" / "by"', () => {
    const fr = read(
      "L'attaque contre le réseau électrique a été attribuée vendredi à la Russie par les États-Unis et le Royaume-Uni, qui promettent une réponse.",
      '2016-12-30',
    );
    expect(of(all(fr), 'attribution').map(brief)).toEqual([
      { type: 'attribution', by: ['US', 'GB'], against: ['RU'], stance: 'attributed', date: '2016-12-30' },
    ]);
    const en = read(
      'The breach of the parliament network was attributed to China by Norway, which summoned the Chinese ambassador on Tuesday to protest.',
      '2021-07-20',
    );
    expect(of(all(en), 'attribution').map((d) => [d.by, d.against])).toEqual([[['NO'], ['CN']]]);
    expect(of(all(en), 'summons').map((d) => [d.by, d.against, d.date])).toEqual([[['NO'], ['CN'], '2021-07-20']]);
  });

  it('keeps the doubt of "selon des experts ... très vraisemblablement" and "suspected"', () => {
    const fr = read(
      "Selon des experts en sécurité, le groupe Lazarus, lié à la Corée du Nord, est très vraisemblablement responsable de l'attaque contre la banque centrale.",
      '2016-05',
    );
    expect(of(all(fr), 'attribution').map(brief)).toEqual([
      { type: 'attribution', by: [], against: ['G0032', 'KP'], stance: 'suspected', date: '2016-05' },
    ]);
    const en = read(
      'According to US officials, hackers linked to Iran are suspected of the attack that wiped thousands of computers at the oil company last month.',
      '2012-09-15',
    );
    expect(of(all(en), 'attribution').map((d) => [d.by, d.against, d.stance])).toEqual([[['US'], ['IR'], 'suspected']]);
  });

  it('reads nothing from a negated act', () => {
    const x = read(
      'Aucune sanction annoncée pour le moment contre Pékin. Les États-Unis n’ont pas expulsé de diplomates chinois. ' +
        'No sanctions were announced against Moscow, and the Kremlin did not deny the report published by the newspaper.',
      '2021-07-20',
    );
    expect(all(x).filter((d) => ['sanction', 'expulsion', 'denial'].includes(d.type))).toEqual([]);
  });

  it('reads nothing from an act only possible, wished for or to come', () => {
    const x = read(
      "L'UE pourrait prendre des sanctions contre la Russie, qui ne sont pas exclues. Des eurodéputés appellent à des sanctions contre Pékin. " +
        'The United States could impose sanctions on North Korea, and London will expel Russian diplomats if the attacks continue.',
      '2021-07-20',
    );
    expect(all(x).filter((d) => ['sanction', 'expulsion'].includes(d.type))).toEqual([]);
  });

  it('gives an adoption by EU foreign ministers to the Council, and a request for explanations to the last speaker', () => {
    const x = read(
      "Les ministres des Affaires étrangères de l'UE ont adopté jeudi une nouvelle stratégie de cyberdéfense commune. " +
        "La commission du Parlement européen, présidée par Nathalie Loiseau, s'inquiète de la faille. " +
        'Josep Borrell est invité à expliquer comment la visioconférence a pu être piratée.',
      '2020-11-26',
    );
    expect(of(all(x), 'policy').map((d) => [d.by, d.date])).toEqual([[['EU-COUNCIL'], '2020-11-26']]);
    expect(of(all(x), 'inquiry').map((d) => [d.by, d.against])).toEqual([[['nathalie-loiseau'], ['josep-borrell']]]);
  });

  it('dates an attack named inside an attribution by its own date, and the attribution by the publication', () => {
    const x = read(
      'Le gouvernement américain attribue formellement à Pékin les attaques massives menées contre les serveurs Microsoft Exchange en mars dernier.',
      '2021-07-19',
    );
    expect(of(all(x), 'attribution').map((d) => d.date)).toEqual(['2021-07-19']);
    expect(of(all(x), 'attack').map((d) => d.date)).toEqual(['2021-03']);
    expect(x.developments.every((d) => d.incidents.includes('exchange-2021'))).toBe(true);
  });

  it('keeps the evidence sentence in the article language', () => {
    const x = read(
      'The Netherlands expelled four Russian intelligence officers on Thursday after they tried to hack the chemical weapons watchdog in The Hague.',
      '2018-10-04',
    );
    const exp = of(all(x), 'expulsion')[0] as ReadDevelopment;
    expect(exp).toMatchObject({ by: ['NL'], against: ['RU'], date: '2018-10-04' });
    expect(exp.evidence).toMatch(/^The Netherlands expelled four Russian intelligence officers/);
  });
});
