import { readFileSync } from 'node:fs';
import { Lexicon } from '../../src/ingest/lexicon/lexicon';
import { knowledgeBase, read, seed, seedFiles } from './support';

describe('linking developments to incidents', () => {
  it('links by the incident alias named in the sentence', () => {
    const x = read(
      'Le Kremlin a de nouveau rejeté mardi les accusations britanniques selon lesquelles le GRU serait derrière l’attaque NotPetya de 2017.',
      '2018-02-20',
    );
    expect(x.incidents.map((i) => [i.id, i.match])).toEqual([['notpetya', 'existing']]);
    expect(x.developments.every((d) => d.incidents[0] === 'notpetya')).toBe(true);
  });

  it('links by entities and dates when no name is given', () => {
    // No alias of the Albania incident here: Albania hit in July 2022, Iran blamed, Tirana answering.
    const x = read(
      'Tirana a rompu mercredi ses relations diplomatiques avec Téhéran après la cyberattaque de juillet qui a paralysé les services publics albanais. ' +
        "Le Premier ministre albanais affirme que l'attaque a été orchestrée par l'Iran.",
      '2022-09-07',
    );
    expect(x.incidents.map((i) => i.id)).toEqual(['albania-2022']);
    expect(x.developments.map((d) => d.type).sort()).toEqual(['attack', 'attribution', 'expulsion']);
  });

  it('does not force an unknown story onto a known incident with the same actors', () => {
    const x = read(
      "La Belgique a accusé lundi des groupes de pirates liés à la Chine, dont APT27 et APT31, d'avoir mené des cyberattaques contre son ministère de la Défense. " +
        "L'ambassade de Chine a rejeté ces accusations.",
      '2022-07-19',
    );
    expect(x.incidents.map((i) => i.match)).toEqual(['new']);
    const [created] = x.newIncidents;
    expect(created).toMatchObject({ origin: 'ingested', suspected: expect.arrayContaining(['CN', 'G0027', 'G0128']) });
    expect(created?.name.fr).toMatch(/^Cyberattaque : ministère de la Défense \(2022\)$/);
    expect(created?.id).toBe('cyberattaque-ministere-defense-2022');
  });

  it('names a new incident from what the article says was hit, in its own words', () => {
    const en = read(
      "Ireland's Health Service Executive switched off its computer systems on Friday after a ransomware attack hit its national network overnight, disrupting hospital appointments across the country.",
      '2021-05-14',
    );
    expect(en.newIncidents[0]).toMatchObject({
      type: 'ransomware',
      period: { start: '2021-05-14' },
      name: { en: "Ransomware attack: Ireland's Health Service Executive (2021)" },
    });
    const fr = read(
      "Le centre hospitalier sud-francilien de Corbeil-Essonnes a été la cible samedi soir d'une cyberattaque au rançongiciel qui a bloqué ses logiciels et son stockage.",
      '2022-08-22',
    );
    expect(fr.newIncidents[0]?.name.fr).toBe(
      'Attaque au rançongiciel : centre hospitalier sud-francilien de Corbeil-Essonnes (2022)',
    );
    expect(fr.newIncidents[0]?.period.start).toBe('2022-08-20');
  });

  it('re-reads the same text to the same result', () => {
    const text =
      "Washington accuse Pékin d'avoir piraté les serveurs Microsoft Exchange en mars dernier, et le département de la Justice inculpe quatre Chinois.";
    expect(read(text, '2021-07-19')).toEqual(read(text, '2021-07-19'));
  });
});

const hasSeeds = seedFiles().length > 0;
(hasSeeds ? describe : describe.skip)(
  'an unknown incident is created from the article’s own terms (seed 004 without its incident)',
  () => {
    it('names the videoconference intrusion from the article and keeps its developments', () => {
      const kb = knowledgeBase();
      const without = new Lexicon(
        kb.actors,
        kb.incidents.filter((i) => i.id !== 'eu-defence-videoconference-2020'),
      );
      const text = readFileSync(seed('004').path, 'utf8');
      const x = read(text, undefined, without);
      expect(x.incidents.map((i) => i.match)).toEqual(['new']);
      const created = x.newIncidents[0];
      expect(created?.name.fr).toMatch(/visioconférence des ministres de la Défense de l'UE/);
      expect(created?.period.start).toBe('2020-11');
      expect(created?.type).toBe('intrusion');
      expect(x.developments.map((d) => d.type)).toEqual(expect.arrayContaining(['attack', 'inquiry']));
    });
  },
);
if (!hasSeeds) {
  describe('skipped: ../shared/seeds not found', () => {
    it('has no seed directory', () => expect(seedFiles()).toEqual([]));
  });
}
