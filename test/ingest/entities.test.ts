import { findMentions } from '../../src/ingest/entities';
import { tokenize } from '../../src/ingest/text/tokens';
import { lexicon } from './support';

/** Actor ids named in a sentence, in reading order, each once. */
const actors = (sentence: string) => [
  ...new Set(
    findMentions(tokenize(sentence), lexicon())
      .filter((m) => !m.incident)
      .map((m) => m.id),
  ),
];
const roles = (sentence: string) =>
  findMentions(tokenize(sentence), lexicon())
    .filter((m) => !m.incident)
    .map((m) => `${m.id}:${m.role}`);

describe('entities from the knowledge base', () => {
  it('reads French elisions and contractions', () => {
    expect(actors("L'UE condamne l'attaque, selon un diplomate d'Ankara.")).toEqual(['EU', 'TR']);
    expect(actors("La déclaration de l'Otan et celle de l’Union européenne")).toEqual(['NATO', 'EU']);
    expect(actors('des élections aux États-Unis et au Royaume-Uni')).toEqual(['US', 'GB']);
  });

  it('reads demonyms in every form, and capitals used for their governments', () => {
    expect(actors('des pirates chinois, une société nord-coréenne, des hackers russes')).toEqual(['CN', 'KP', 'RU']);
    expect(actors('Chinese hackers and a North Korean firm')).toEqual(['CN', 'KP']);
    expect(actors('Pékin dément, Moscou se tait, Pyongyang menace et Washington insiste.')).toEqual([
      'CN',
      'RU',
      'KP',
      'US',
    ]);
  });

  it('tells a demonym that stands for a government from one that qualifies people', () => {
    expect(roles('Le gouvernement norvégien a convoqué un diplomate.')).toEqual(['NO:actor']);
    expect(roles('Un journaliste néerlandais a publié la photo.')).toEqual(['NL:affiliation']);
    expect(roles("L'Espagnol Josep Borrell a répondu.")).toEqual(['ES:nationality', 'josep-borrell:actor']);
    expect(roles('Les Américains et leurs alliés accusent Pékin.')).toEqual(['US:actor', 'CN:actor']);
  });

  it('recognises government bodies, even when the text shortens or reorders their names', () => {
    expect(actors('Le secrétaire américain accuse le ministère chinois de la Sécurité de l’État.')).toEqual([
      'US',
      'CN-MSS',
      'CN',
    ]);
    expect(actors("le ministère chinois de la Sécurité d'avoir favorisé des pirates")).toEqual(['CN-MSS', 'CN']);
    expect(actors('The Department of Justice unsealed the charges.')).toEqual(['US-DOJ']);
    expect(actors("Russia's foreign ministry dismissed the report.")).toContain('RU-MFA');
  });

  it('respects case where it matters: acronyms, and person names that look like states', () => {
    expect(actors('The US and the UE agreed')).toEqual(['US', 'EU']);
    expect(actors('It hit us and our allies')).toEqual([]);
    expect(actors('Maurice Dupont et Jordan Smith ont témoigné.')).toEqual([]);
  });

  it('names incidents by their aliases', () => {
    const m = findMentions(tokenize("le virus WannaCry et l'attaque NotPetya"), lexicon())
      .filter((x) => x.incident)
      .map((x) => x.id);
    expect(m).toEqual(['wannacry', 'notpetya']);
  });
});
