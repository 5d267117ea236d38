import { incidentForms, nameForms } from '../../src/lang/articles';
import { kbCatalog } from '../support/kb-catalog';

const { catalog } = kbCatalog();
const actor = (id: string) => catalog.actors.get(id)!;
const fr = (id: string) => nameForms(actor(id).name.fr, actor(id).kind, 'fr');
const en = (id: string) => nameForms(actor(id).name.en, actor(id).kind, 'en');

describe('articles and prepositions before names, from the knowledge base records', () => {
  it.each([
    ['KP', 'la Corée du Nord', 'à la Corée du Nord', 'de la Corée du Nord', 'de Corée du Nord'],
    ['CA', 'le Canada', 'au Canada', 'du Canada', 'du Canada'],
    ['US', 'les États-Unis', 'aux États-Unis', 'des États-Unis', 'des États-Unis'],
    ['IR', "l'Iran", "à l'Iran", "de l'Iran", "d'Iran"],
    ['RU', 'la Russie', 'à la Russie', 'de la Russie', 'de Russie'],
    ['NL', 'les Pays-Bas', 'aux Pays-Bas', 'des Pays-Bas', 'des Pays-Bas'],
    ['IL', 'Israël', 'à Israël', "d'Israël", "d'Israël"],
    ['JP', 'le Japon', 'au Japon', 'du Japon', 'du Japon'],
    ['NATO', "l'OTAN", "à l'OTAN", "de l'OTAN", "de l'OTAN"],
    ['EU', "l'Union européenne", "à l'Union européenne", "de l'Union européenne", "de l'Union européenne"],
    ['EU-COUNCIL', "le Conseil de l'UE", "au Conseil de l'UE", "du Conseil de l'UE", "du Conseil de l'UE"],
    ['FBI', 'le FBI', 'au FBI', 'du FBI', 'du FBI'],
    ['MSFT', 'Microsoft', 'à Microsoft', 'de Microsoft', 'de Microsoft'],
    ['G0007', 'APT28', 'à APT28', "d'APT28", "d'APT28"],
  ])('%s in French: %s, %s, %s, %s', (id, def, to, of, ofCountry) => {
    expect(fr(id)).toMatchObject({ def, to, of, ofCountry });
  });

  it('« à l’UE » from the acronym', () => {
    expect(nameForms('UE', 'organisation', 'fr').to).toBe("à l'UE");
  });

  it.each([
    ['US', 'the United States'],
    ['GB', 'the United Kingdom'],
    ['NL', 'the Netherlands'],
    ['CA', 'Canada'],
    ['KP', 'North Korea'],
    ['NATO', 'NATO'],
    ['FBI', 'the FBI'],
    ['EU-COUNCIL', 'the Council of the EU'],
    ['US-DOJ', 'the US Department of Justice'],
    ['MSFT', 'Microsoft'],
    ['G0032', 'Lazarus Group'],
  ])('%s in English: %s', (id, def) => {
    expect(en(id).def).toBe(def);
  });

  it('never contracts wrongly for any state or body of the knowledge base', () => {
    for (const a of catalog.actors.values()) {
      const f = nameForms(a.name.fr, a.kind, 'fr');
      for (const s of [f.def, f.to, f.of, f.ofCountry])
        expect(s).not.toMatch(/\b(à le|à les|de le|de les|le [AEIOUÉÈÊÎ]|la [AEIOUÉÈÊÎ])\b/u);
      expect(nameForms(a.name.en, a.kind, 'en').def).not.toMatch(/^the the /i);
    }
  });

  it('names incidents with their article, proper names without', () => {
    expect(incidentForms('WannaCry', true, 'fr').to).toBe('à WannaCry');
    expect(incidentForms('Piratage du Bundestag allemand (2015)', false, 'fr').def).toBe(
      'le piratage du Bundestag allemand (2015)',
    );
    expect(incidentForms('Cyberattaque contre TV5Monde', false, 'fr').of).toBe('de la cyberattaque contre TV5Monde');
    expect(incidentForms('Hack of the German Bundestag (2015)', false, 'en').def).toBe(
      'the hack of the German Bundestag (2015)',
    );
  });
});
