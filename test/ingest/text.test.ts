import { detectLanguage } from '../../src/ingest/language';
import { repairBrokenWords } from '../../src/ingest/text/broken-words';
import { articleSentences } from '../../src/ingest/text/sentences';
import { read } from './support';

describe('language', () => {
  it('tells French from English, and recognises other languages without reading them', () => {
    expect(
      detectLanguage(
        "Le gouvernement a accusé la Russie d'être derrière la cyberattaque qui a visé le Parlement la semaine dernière.",
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'The government accused Russia of being behind the cyberattack that hit the parliament last week.',
      ),
    ).toBe('en');
    const de =
      'Die Bundesregierung hat Russland beschuldigt, hinter dem Cyberangriff auf den Bundestag zu stehen. Das Auswärtige Amt bestellte den Botschafter ein und kündigte Konsequenzen an. ' +
      'Die Ermittler gehen davon aus, dass die Angreifer über Wochen Zugang zu den Rechnern der Abgeordneten hatten.';
    expect(detectLanguage(de)).toBe('de');
    const x = read(de, '2020-05-28');
    expect(x).toMatchObject({ language: 'de', read: false, developments: [] });
    expect(x.notes.join(' ')).toMatch(/"de" is recognised but not read/);
  });
});

describe('sentences', () => {
  const texts = (t: string, lang = 'fr') => articleSentences(t, lang).map((s) => s.text);

  it('does not break after M., Dr, Mme or inside « guillemets »', () => {
    expect(
      texts(
        'M. Dupont et Mme Martin ont rencontré le Dr Durand. Il a dit « Nous sommes prêts. Nous répondrons. » puis il est parti.',
      ),
    ).toEqual([
      'M. Dupont et Mme Martin ont rencontré le Dr Durand.',
      'Il a dit « Nous sommes prêts. Nous répondrons. » puis il est parti.',
    ]);
  });

  it('keeps "The U.S. Department of Justice" together but ends a sentence after "the U.S."', () => {
    expect(
      texts(
        'The U.S. Department of Justice charged two men. The move angered the U.S. Beijing responded within hours.',
        'en',
      ),
    ).toEqual([
      'The U.S. Department of Justice charged two men.',
      'The move angered the U.S.',
      'Beijing responded within hours.',
    ]);
  });

  it('keeps a person\'s initials with the name: "H.R. McMaster"', () => {
    expect(texts('The adviser, H.R. McMaster, said the risk was growing. Nobody answered.', 'en')).toEqual([
      'The adviser, H.R. McMaster, said the risk was growing.',
      'Nobody answered.',
    ]);
  });

  it('drops section markers and flags a title line as a heading', () => {
    const s = articleSentences('♦ Condamnations de l’Otan et de l’UE\n\nL’Otan a condamné les attaques.', 'fr');
    expect(s.map((x) => [x.text, x.heading])).toEqual([
      ['Condamnations de l’Otan et de l’UE', true],
      ['L’Otan a condamné les attaques.', false],
    ]);
  });
});

describe('words broken by stray spaces', () => {
  it('joins a name the knowledge base knows, or a word the article uses elsewhere', () => {
    expect(repairBrokenWords('La députée Natha lie Martin a écrit.', new Set(['nathalie']))).toBe(
      'La députée Nathalie Martin a écrit.',
    );
    expect(repairBrokenWords('Protéger leurs informations et leurs informat ions sensibles.')).toBe(
      'Protéger leurs informations et leurs informations sensibles.',
    );
  });

  it('joins a tail that never stands alone, without any vocabulary', () => {
    expect(repairBrokenWords('The group was attack ing banks in several countries.')).toBe(
      'The group was attacking banks in several countries.',
    );
  });

  it('leaves ordinary phrases alone', () => {
    const text = 'Il a dit de la sorte que la presse en parle, in to the house, a cross road.';
    expect(repairBrokenWords(text, new Set(['dela', 'into', 'across']))).toBe(text);
  });
});

describe('language of short texts', () => {
  // Each of these is told as another language by the n-gram detector alone (Irish, Polish, German).
  it('reads a short clean English text as English', () => {
    expect(detectLanguage('Taoiseach Micheál Martin said the state would not pay.')).toBe('en');
    expect(detectLanguage('Attack on grid. Power cut in Kyiv for hours.')).toBe('en');
    const x = read(
      "Taoiseach Micheál Martin said the state would not pay. The country's health service was hit by ransomware.",
      '2021-05-14',
    );
    expect(x.language).toBe('en');
  });

  it('reads a short French text as French', () => {
    expect(
      detectLanguage(
        "Le programme visait à saboter les centrifugeuses de l'usine d'enrichissement d'uranium de Natanz, en Iran.",
      ),
    ).toBe('fr');
    expect(detectLanguage('Le ministère a confirmé une intrusion dans son réseau.')).toBe('fr');
  });

  it('still leaves short texts in other languages to the detector', () => {
    expect(detectLanguage('Die Regierung hat den Botschafter einbestellt und die Angreifer benannt.')).toBe('de');
    expect(detectLanguage('El gobierno ha condenado el ataque contra los sistemas del ministerio.')).toBe('es');
  });
});
