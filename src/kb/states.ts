import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { Actor } from '../domain/actor';

countries.registerLocale(en);
countries.registerLocale(fr);

type Extras = Record<
  string,
  { aliases: string[]; references: { en: string[]; fr: string[] }; name?: { en: string; fr: string } }
>;

/** Every ISO 3166-1 state as an Actor, names from the maintained package, enriched by briefs/actors/states.yaml. */
export function stateActors(extras: Extras): Actor[] {
  const out: Actor[] = [];
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const enAll = countries.getName(code, 'en', { select: 'all' }) ?? [];
    const frAll = countries.getName(code, 'fr', { select: 'all' }) ?? [];
    const extra = extras[code];
    const enName = extra?.name?.en ?? shortest(enAll) ?? code;
    const frName = extra?.name?.fr ?? shortest(frAll) ?? enName;
    const aliases = new Set<string>([...enAll, ...frAll, ...(extra?.aliases ?? [])]);
    aliases.delete(enName);
    aliases.delete(frName);
    out.push({
      id: code,
      kind: 'state',
      name: { en: enName, fr: frName },
      aliases: [...aliases],
      country: code,
      references: extra?.references,
      sources: [],
    });
  }
  return out;
}

/** "Russia" reads better than "Russian Federation" in a one-line brief. */
function shortest(names: string[]): string | undefined {
  return [...names].sort((a, b) => a.length - b.length)[0];
}
