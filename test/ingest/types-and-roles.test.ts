import type { Extraction } from '../../src/ingest/extract';
import { read as readText } from './support';

/** Short sentences made long enough to pass for an article, with a line that reports nothing. */
const read = (text: string, published?: string) =>
  readText(
    `${text} ${/[éèàç]|\b(le|la|les|de|du|des)\b/.test(text) ? 'Les diplomates suivent ce dossier de près depuis plusieurs semaines.' : 'Diplomats have followed the matter closely for several weeks.'}`,
    published,
  );

/** Every development read, tied to an incident or not: these tests are about reading, not linking. */
const all = (x: Extraction) => [...x.developments, ...x.unlinked];
const of = (x: Extraction, type: string) => all(x).filter((d) => d.type === type);
const types = (x: Extraction) => [...new Set(all(x).map((d) => d.type))].sort();

describe('condemnations, summons and policy, in both languages', () => {
  it('reads a judgement of an act as a condemnation by whoever judges it', () => {
    const fr = read(
      'Le chef de la diplomatie, Jean-Yves Le Drian, a jugé « totalement inacceptables » ces agissements.',
    );
    expect(of(fr, 'condemnation').map((d) => d.by)).toEqual([['jean-yves-le-drian']]);
    const en = read('Foreign Secretary Dominic Raab called the operation totally unacceptable on Thursday.');
    expect(of(en, 'condemnation').map((d) => d.by)).toEqual([['dominic-raab']]);
    const said = read('Jeremy Hunt said the GRU had waged a campaign of reckless attacks.');
    expect(of(said, 'condemnation').map((d) => d.by)).toEqual([['jeremy-hunt']]);
  });

  it('reads no condemnation where the text says there was none, or a refusal', () => {
    expect(of(read("Paris n'a pas condamné l'opération."), 'condemnation')).toEqual([]);
    expect(of(read('Berlin a refusé de condamner Moscou.'), 'condemnation')).toEqual([]);
    expect(of(read('The White House refused to condemn Moscow.'), 'condemnation')).toEqual([]);
    expect(of(read('Beijing declined to condemn the attack.'), 'condemnation')).toEqual([]);
  });

  it('keeps a denial that calls the accusations unacceptable a denial, by the accused', () => {
    const x = read("L'ambassade de Russie à Oslo a rejeté ces accusations, qu'elle juge inacceptables.");
    expect(types(x)).toEqual(['denial']);
    expect(of(x, 'denial').map((d) => d.by)).toEqual([['RU']]);
  });

  it('reads a summons by the state where the envoy serves', () => {
    const x = read("Le ministre a convoqué lundi l'ambassadeur de Chine en Belgique.", '2022-07-19');
    expect(of(x, 'summons').map((d) => [d.by, d.against, d.date])).toEqual([[['BE'], ['CN'], '2022-07-18']]);
  });

  it('reads an active "a mis en cause" as an attribution by its subject', () => {
    const x = read('La France a publiquement mis en cause mardi le GRU.', '2025-04-29');
    expect(of(x, 'attribution').map((d) => [d.by, d.against])).toEqual([[['FR'], ['RU-GRU']]]);
  });

  it('reads a regime renewal and joining a call as policy, with no sanction and no incident', () => {
    const fr = read(
      "Le Conseil de l'UE a décidé jeudi de prolonger d'une année le cadre qui lui permet de sanctionner les auteurs de cyberattaques.",
      '2020-05-14',
    );
    expect(types(fr)).toEqual(['policy']);
    expect(of(fr, 'policy').map((d) => d.by)).toEqual([['EU-COUNCIL']]);
    expect(fr.newIncidents).toEqual([]);
    const en = read(
      'The United States joined the Paris Call for Trust and Security in Cyberspace on Wednesday.',
      '2021-11-10',
    );
    expect(of(en, 'policy').map((d) => [d.by, d.date])).toEqual([[['US'], '2021-11-10']]);
    expect(en.newIncidents).toEqual([]);
  });

  it('never lets the victim of an attack, or a threat group, sanction or summon', () => {
    const x = read(
      'Sony Pictures was hit by a destructive cyberattack in November 2014. Sony Pictures and the Treasury sanctioned North Korea on Friday.',
      '2015-01-02',
    );
    for (const d of of(x, 'sanction')) expect(d.by).not.toContain('SONY-PICTURES');
  });
});
