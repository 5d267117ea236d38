import type { Catalog } from '../catalog/catalog';
import { compareDates } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Locale } from '../domain/text';
import { splitSentences } from '../text/sentences';
import { formatDate, joinNames, labels } from './labels';

const MAX_SENTENCES = 5;

/**
 * Three to five sentences: the curated summary, then what the record adds (who attributed it,
 * who denied, how states answered), so a reader on a phone gets the gist from the summary alone.
 */
export function summaryFor(catalog: Catalog, incident: Incident, devs: Development[], locale: Locale): string[] {
  const out = splitSentences(incident.summary[locale], locale);
  const name = (id: string) => catalog.actorRef(id, locale).name;
  const L = labels(locale);

  const formal = devs.filter((d) => d.type === 'attribution' && d.stance === 'attributed');
  if (formal.length > 0) {
    const by = unique(formal.flatMap((d) => d.by)).map(name);
    const to = unique(formal.flatMap((d) => d.against)).map(name);
    const first = formal.slice().sort((a, b) => compareDates(a.date, b.date))[0]!;
    out.push(
      locale === 'fr'
        ? `Attribution formelle à ${joinNames(to.slice(0, 4), locale)} par ${joinNames(by.slice(0, 6), locale)}${by.length > 6 ? ' et d’autres' : ''}, à partir de ${formatDate(first.date, locale)}.`
        : `Formally attributed to ${joinNames(to.slice(0, 4), locale)} by ${joinNames(by.slice(0, 6), locale)}${by.length > 6 ? ' and others' : ''}, from ${formatDate(first.date, locale)}.`,
    );
  } else {
    const suspected = incident.suspected.map(name);
    if (suspected.length > 0) {
      out.push(
        locale === 'fr'
          ? `Sont soupçonnés : ${joinNames(suspected, locale)} ; aucune attribution formelle n’est enregistrée.`
          : `Suspected: ${joinNames(suspected, locale)}; no formal attribution is on record.`,
      );
    }
  }
  const deniers = unique(devs.filter((d) => d.type === 'denial').flatMap((d) => d.by)).map(name);
  if (deniers.length > 0)
    out.push(
      locale === 'fr' ? `${L.deniedBy} ${joinNames(deniers, locale)}.` : `${L.deniedBy} ${joinNames(deniers, locale)}.`,
    );

  const responseTypes = ['sanction', 'indictment', 'expulsion', 'summons'] as const;
  const parts: string[] = [];
  for (const t of responseTypes) {
    const n = devs.filter((d) => d.type === t).length;
    if (n > 0) parts.push(`${n} × ${L.type[t].toLowerCase()}`);
  }
  if (parts.length > 0)
    out.push(locale === 'fr' ? `Réponses : ${parts.join(', ')}.` : `Responses: ${parts.join(', ')}.`);
  if (out.length < 3 && incident.impact) out.push(...splitSentences(incident.impact.text[locale], locale));
  return out.slice(0, MAX_SENTENCES);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
