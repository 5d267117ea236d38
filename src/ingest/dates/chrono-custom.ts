import * as chrono from 'chrono-node';

type Chrono = typeof chrono.fr.casual;
type Ctx = Parameters<chrono.Parser['extract']>[0];

const FR_MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  décembre: 12,
};
const EN_MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** The month a bare month name means in news: the latest such month not after the reference, unless told otherwise. */
function yearFor(month: number, ref: Date, explicit: string | undefined, direction: 'past' | 'next' | 'plain'): number {
  if (explicit) return Number(explicit);
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  if (direction === 'next') return month > m ? y : y + 1;
  if (direction === 'past') return month < m ? y : y - 1;
  return month > m ? y - 1 : y;
}

/**
 * French phrases chrono's French locale misses: "en mars dernier", "début mai", "fin avril 2019",
 * "mi-juin", "en 2014", "l'an dernier". Each gives a month or a year, never an invented day.
 */
export function frenchChrono(): Chrono {
  const c = chrono.fr.casual.clone();
  c.parsers.push({
    pattern: () =>
      /(?:\b(début|debut|fin|mi|courant|en|depuis|dès|des|au mois de|le mois de|du mois de|d['’]ici|de|d['’])\s*-?\s*)?\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\b(?:\s+(dernier|passé|passe|prochain))?(?:\s+((?:19|20)\d{2})\b)?/i,
    extract: (context: Ctx, match: RegExpMatchArray) => {
      const [, prefix, name, rel, year] = match;
      if (!prefix && !rel && !year) return null;
      const month = FR_MONTHS[(name as string).toLowerCase()] as number;
      const direction = rel ? (/prochain/i.test(rel) ? 'next' : 'past') : 'plain';
      return context.createParsingComponents({ year: yearFor(month, context.refDate, year, direction), month });
    },
  });
  c.parsers.push({
    pattern: () => /\b(?:en|depuis|dès|début|debut|fin|courant|année|annee)\s+((?:19|20)\d{2})\b(?!\s*(?:[-/]|h\b))/i,
    extract: (context: Ctx, match: RegExpMatchArray) => yearOnly(context, Number(match[1])),
  });
  c.parsers.push({
    pattern: () => /\b(?:l['’]an|l['’]année|l['’]annee)\s+(dernier|dernière|derniere|passé|passée|passe|passee)\b/i,
    extract: (context: Ctx) => yearOnly(context, context.refDate.getUTCFullYear() - 1),
  });
  c.parsers.push({
    pattern: () => /\b(?:cette\s+année|cette\s+annee)\b/i,
    extract: (context: Ctx) => yearOnly(context, context.refDate.getUTCFullYear()),
  });
  return c;
}

/** English phrases chrono misses or reads as a verb: "early May", "in 2014", "earlier this year". */
export function englishChrono(): Chrono {
  const c = chrono.en.casual.clone();
  c.parsers.push({
    pattern: () =>
      /\b(early|mid|late|in|since|last|by|until|earlier\s+in|later\s+in|the\s+end\s+of|the\s+beginning\s+of)\s*-?\s*(january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+(?:of\s+)?((?:19|20)\d{2})\b)?/i,
    extract: (context: Ctx, match: RegExpMatchArray) => {
      const [, prefix, name, year] = match;
      const month = EN_MONTHS[(name as string).toLowerCase()] as number;
      const direction = /^last$/i.test(prefix ?? '') ? 'past' : 'plain';
      return context.createParsingComponents({ year: yearFor(month, context.refDate, year, direction), month });
    },
  });
  c.parsers.push({
    pattern: () => /\b(?:in|since|during|by|early|late|mid|throughout)\s*-?\s*((?:19|20)\d{2})\b(?!\s*[-/])/i,
    extract: (context: Ctx, match: RegExpMatchArray) => yearOnly(context, Number(match[1])),
  });
  c.parsers.push({
    pattern: () => /\b(?:last\s+year|the\s+previous\s+year|a\s+year\s+ago)\b/i,
    extract: (context: Ctx) => yearOnly(context, context.refDate.getUTCFullYear() - 1),
  });
  c.parsers.push({
    pattern: () => /\b(?:earlier\s+this\s+year|this\s+year)\b/i,
    extract: (context: Ctx) => yearOnly(context, context.refDate.getUTCFullYear()),
  });
  return c;
}

/** A year with month and day only implied, so the result says "year" and nothing finer. */
function yearOnly(context: Ctx, year: number): ReturnType<Ctx['createParsingComponents']> {
  const comp = context.createParsingComponents({ year });
  comp.imply('month', 1);
  comp.imply('day', 1);
  return comp;
}
