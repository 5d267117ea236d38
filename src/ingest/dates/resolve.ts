import { endOf, type PartialDate, precisionOf, startOf } from '../../domain/dates';
import { englishChrono, frenchChrono } from './chrono-custom';

export interface DateMention {
  /** Character span in the sentence. */
  index: number;
  end: number;
  text: string;
  date: PartialDate;
}

const parsers = { fr: frenchChrono(), en: englishChrono() };
const MONTH_OR_YEAR =
  /\b((19|20)\d{2}|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janv|f[ée]vr|avr|juil)\b|\d{1,2}[/.]\d{1,2}/i;
const FORWARD = /\b(prochain|prochaine|next|coming|upcoming|à venir)\b/i;
/** Cheap test before running chrono: most sentences name no date at all. */
/** Weekdays and words for a nearby day: never more precise than the publication date allows. */
const WEEKDAY_OR_DAY =
  /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|veille|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|aujourd)$/i;
/** A window in which no other date word remains once weekdays and nearby days are taken out. */
const RELATIVE_ONLY = { test: (rest: string) => !DATEISH.test(rest) };
/** Words after which a bare year is a date: "en 2014", "in 2019", "since 2021", "fin 2020", "juin 2019". */
const YEAR_LEAD =
  /(\b(en|in|since|depuis|dès|des|début|debut|fin|courant|année|annee|during|by|early|late|mid|until|jusqu'en|of)|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}|,)\s*-?\s*$/i;
const DATEISH_ALL = () => new RegExp(DATEISH.source, 'gi');
/** Characters of context chrono needs around a date word: "en mars dernier", "début mai 2019", "il y a deux semaines". */
const WINDOW = 32;
const DATEISH =
  /\b(19|20)\d{2}\b|\d{1,2}[/.]\d{1,2}|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\bhier\b|\bveille\b|(derni[eè]re|cette|prochaine) semaine|semaine (derni|pass|prochaine)|il y a|(le|ce) mois|mois (dernier|pass|prochain)|l['’]an\b|l['’]ann[ée]e|cette ann[ée]e|janvier|f[ée]vrier|\bmars\b|avril|\bmai\b|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|aujourd|\b(last|this|previous|next|past) (week|month|year)|\b(weeks?|months?|years?|days?) ago|\bago\b|january|february|\bmarch\b|april|\bmay\b|june|july|august|september|october|november|december/i;

/** The instant relative expressions are counted from: the publication day, or the middle of its month or year. */
export function referenceInstant(published: PartialDate): Date {
  const [y, m, d] = published.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined && m !== undefined) return new Date(Date.UTC(y, m - 1, d, 12));
  if (m !== undefined) return new Date(Date.UTC(y, m - 1, 15, 12));
  return new Date(Date.UTC(y, 6, 1, 12));
}

/**
 * Dates a sentence names, resolved against the publication date, each as precise as the text
 * and the publication allow: "lundi" in an article dated only "2017-06" is June 2017, not a
 * guessed day; "en mars dernier" is a month; "in 2014" a year. Nothing later than the publication.
 */
export function findDates(
  sentence: string,
  lang: 'en' | 'fr',
  published: PartialDate,
  from = 0,
  to = sentence.length,
): DateMention[] {
  if (!DATEISH.test(sentence)) return [];
  const ref = referenceInstant(published);
  // chrono runs every parser over all the text it is given: only the stretches around date words are worth it.
  const windows: [number, number][] = [];
  const out0: DateMention[] = [];
  for (const m of sentence.matchAll(DATEISH_ALL())) {
    const at = m.index ?? 0;
    if (at + m[0].length <= from || at >= to) continue;
    // A bare year ("the 2018 Winter Games", "le rapport 2023") is a date only after a word that makes it one.
    if (/^\d{4}$/.test(m[0]) && !YEAR_LEAD.test(sentence.slice(Math.max(0, at - 14), at))) continue;
    const a = Math.max(0, at - WINDOW);
    const b = Math.min(sentence.length, at + m[0].length + WINDOW);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const results: { r: Result; offset: number }[] = [];
  const coarse = precisionOf(published) !== 'day';
  for (const [from, to] of windows) {
    // With a publication known only to the month or the year, "lundi" or "hier" can only mean that
    // month or year: chrono has nothing to add to a window holding nothing else.
    if (
      coarse &&
      RELATIVE_ONLY.test(sentence.slice(from, to).replace(DATEISH_ALL(), (w) => (WEEKDAY_OR_DAY.test(w) ? '' : w)))
    ) {
      const m = DATEISH_ALL().exec(sentence.slice(from, to));
      if (m) out0.push({ index: from + m.index, end: from + m.index + m[0].length, text: m[0], date: published });
      continue;
    }
    // Widen to word boundaries so no word is cut in two.
    let a = from;
    while (a > 0 && /\S/.test(sentence[a - 1] as string)) a--;
    let b = to;
    while (b < sentence.length && /\S/.test(sentence[b] as string)) b++;
    for (const r of parsers[lang].parse(sentence.slice(a, b), { instant: ref, timezone: 0 }, { forwardDate: false }))
      results.push({ r, offset: a });
  }
  const out: DateMention[] = out0;
  for (const { r, offset } of results) {
    // "SAT" (as in KA-SAT), "Midnight" (Blizzard): chrono reads them as a Saturday or a time.
    if (
      (!/\d/.test(r.text) && r.text.replace(/\W/g, '').length <= 3) ||
      /^(midnight|noon|midday|minuit|midi|tonight|ce soir)$/i.test(r.text.trim())
    )
      continue;
    const date = toPartial(r, published);
    if (!date) continue;
    out.push({ index: r.index + offset, end: r.index + offset + r.text.length, text: r.text, date });
  }
  return out;
}

type Result = ReturnType<typeof parsers.fr.parse>[number];

function toPartial(r: Result, published: PartialDate): PartialDate | undefined {
  const s = r.start;
  const year = s.get('year');
  const month = s.get('month');
  const day = s.get('day');
  if (year === null || month === null || day === null) return undefined;
  // A year named relatively ("l'an dernier", "last year") is still a year, not a day.
  const absolute = MONTH_OR_YEAR.test(r.text) || (s.isCertain('year') && !s.isCertain('month'));
  const forward = FORWARD.test(r.text);
  const pubEnd = endOf(published);
  const pad = (n: number) => String(n).padStart(2, '0');
  let candidate: PartialDate;
  if (absolute) {
    if (s.isCertain('day')) candidate = `${year}-${pad(month)}-${pad(day)}`;
    else if (s.isCertain('month')) candidate = `${year}-${pad(month)}`;
    else if (s.isCertain('year')) candidate = String(year);
    else return undefined;
    // "19 juillet" without a year, read in a January article: last year's July.
    if (!s.isCertain('year') && startOf(candidate) > pubEnd) {
      candidate = `${year - 1}${candidate.slice(4)}`;
    }
  } else {
    // Weekdays and "hier", "la semaine dernière": only as precise as the publication date.
    if (precisionOf(published) !== 'day') return published;
    let ms = Date.UTC(year, month - 1, day);
    if (!forward && ms > pubEnd) ms -= 7 * 86_400_000;
    candidate = new Date(ms).toISOString().slice(0, 10);
  }
  if (startOf(candidate) > pubEnd && !forward) return undefined;
  if (forward) return undefined;
  return candidate;
}
