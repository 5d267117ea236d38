import { isTimeZone } from '../time/time-zone';
import { DevelopmentType } from '../domain/development';
import type { SubscriptionFilters } from '../domain/subscription';
import type { Locale } from '../domain/text';
import { checkCron } from '../time/cron';

export interface ParsedSubscribe {
  cron: string;
  timezone: string;
  locale: Locale;
  filters: SubscriptionFilters;
  emptyDigest: 'skip' | 'note';
}

export type ParseSubscribeResult = { ok: true; value: ParsedSubscribe } | { ok: false; error: string; example: string };

export interface SubscribeDefaults {
  timezone: string;
  locale: Locale;
  /** Optional: turns a name (`lazarus`, `china`) into an actor id; adapters pass the search index's answer. */
  resolveActor?: (name: string) => string | undefined;
  /** Optional: turns an alias (`notpetya`) into an incident id. */
  resolveIncident?: (name: string) => string | undefined;
}

/** What a user types after `subscribe`; shown with every error so a phone user can copy it. */
export const SUBSCRIBE_EXAMPLE = '07:30 Europe/Paris fr actor:CN type:sanction';
export const DEFAULT_SCHEDULE = { minute: 0, hour: 8, days: '1-5' } as const;

const WEEKDAYS = '1-5';
const DAY_WORDS: Record<string, string> = {
  weekdays: WEEKDAYS,
  weekday: WEEKDAYS,
  workdays: WEEKDAYS,
  semaine: WEEKDAYS,
  ouvres: WEEKDAYS,
  'jours-ouvres': WEEKDAYS,
  daily: '*',
  everyday: '*',
  'every-day': '*',
  quotidien: '*',
  'tous-les-jours': '*',
  'chaque-jour': '*',
  weekends: '0,6',
  weekend: '0,6',
  'week-end': '0,6',
  'week-ends': '0,6',
};
const DAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  dim: 0,
  dimanche: 0,
  mon: 1,
  monday: 1,
  lun: 1,
  lundi: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  mar: 2,
  mardi: 2,
  wed: 3,
  wednesday: 3,
  mer: 3,
  mercredi: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  jeu: 4,
  jeudi: 4,
  fri: 5,
  friday: 5,
  ven: 5,
  vendredi: 5,
  sat: 6,
  saturday: 6,
  sam: 6,
  samedi: 6,
};
const LOCALE_WORDS: Record<string, Locale> = {
  en: 'en',
  english: 'en',
  anglais: 'en',
  fr: 'fr',
  french: 'fr',
  francais: 'fr',
};
const FILTER_KEYS: Record<
  string,
  'incident' | 'actor' | 'country' | 'type' | 'min' | 'empty' | 'lang' | 'tz' | 'cron'
> = {
  incident: 'incident',
  incidents: 'incident',
  actor: 'actor',
  actors: 'actor',
  acteur: 'actor',
  acteurs: 'actor',
  group: 'actor',
  groupe: 'actor',
  country: 'country',
  countries: 'country',
  pays: 'country',
  type: 'type',
  types: 'type',
  min: 'min',
  significance: 'min',
  importance: 'min',
  empty: 'empty',
  vide: 'empty',
  lang: 'lang',
  langue: 'lang',
  language: 'lang',
  locale: 'lang',
  tz: 'tz',
  timezone: 'tz',
  fuseau: 'tz',
  cron: 'cron',
};
const TYPE_WORDS: Record<string, DevelopmentType> = {
  attaque: 'attack',
  revelation: 'disclosure',
  dementi: 'denial',
  condamnation: 'condemnation',
  inculpation: 'indictment',
  convocation: 'summons',
  politique: 'policy',
  enquete: 'investigation',
  declaration: 'statement',
  'demande-d-explications': 'inquiry',
};
const EMPTY_WORDS: Record<string, 'skip' | 'note'> = {
  skip: 'skip',
  none: 'skip',
  rien: 'skip',
  ignorer: 'skip',
  note: 'note',
  line: 'note',
  ligne: 'note',
};

const MESSAGES = {
  en: {
    quote: 'a quotation mark is not closed',
    unknown: (w: string) =>
      `"${w}" is not something subscribe understands (a time, days, time zone, en/fr, or key:value filter)`,
    time: (w: string) => `"${w}" is not a time of day (use HH:MM, 00:00 to 23:59)`,
    twoTimes: 'only one time of day per subscription; for several, use cron "…"',
    twoDays: 'days are given twice',
    cronAndTime: 'give either a time and days, or a cron expression, not both',
    cronMissing: 'cron needs an expression, e.g. cron "0 9 * * 1"',
    cron: (e: string) => `the cron expression is invalid: ${e}`,
    tz: (w: string) => `"${w}" is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC)`,
    twoTz: 'the time zone is given twice',
    locale: (w: string) => `"${w}" is not a language cyberbrief writes in (en or fr)`,
    emptyValue: (k: string) => `${k}: needs a value`,
    type: (w: string) => `"${w}" is not a development type (${DevelopmentType.options.join(', ')})`,
    country: (w: string) => `"${w}" is not a two-letter country code (e.g. FR, CN)`,
    actor: (w: string) => `"${w}" is not an actor id (e.g. CN, G0032, EU)`,
    min: (w: string) => `min:${w} is not a number from 0 to 1 (e.g. min:0.5)`,
    empty: (w: string) => `empty:${w} should be empty:skip or empty:note`,
  },
  fr: {
    quote: 'un guillemet n’est pas refermé',
    unknown: (w: string) =>
      `« ${w} » n’est pas compris (une heure, des jours, un fuseau horaire, en/fr ou un filtre clé:valeur)`,
    time: (w: string) => `« ${w} » n’est pas une heure (HH:MM, de 00:00 à 23:59)`,
    twoTimes: 'une seule heure par abonnement ; pour plusieurs, utilisez cron "…"',
    twoDays: 'les jours sont donnés deux fois',
    cronAndTime: 'donnez soit une heure et des jours, soit une expression cron, pas les deux',
    cronMissing: 'cron attend une expression, par ex. cron "0 9 * * 1"',
    cron: (e: string) => `l’expression cron est invalide : ${e}`,
    tz: (w: string) => `« ${w} » n’est pas un fuseau horaire IANA (par ex. Europe/Paris, America/New_York, UTC)`,
    twoTz: 'le fuseau horaire est donné deux fois',
    locale: (w: string) => `« ${w} » n’est pas une langue de cyberbrief (en ou fr)`,
    emptyValue: (k: string) => `${k}: attend une valeur`,
    type: (w: string) => `« ${w} » n’est pas un type d’évènement (${DevelopmentType.options.join(', ')})`,
    country: (w: string) => `« ${w} » n’est pas un code pays à deux lettres (par ex. FR, CN)`,
    actor: (w: string) => `« ${w} » n’est pas un identifiant d’acteur (par ex. CN, G0032, EU)`,
    min: (w: string) => `min:${w} n’est pas un nombre de 0 à 1 (par ex. min:0.5)`,
    empty: (w: string) => `empty:${w} doit être empty:skip ou empty:note`,
  },
} as const;

class ParseFailure extends Error {}

/**
 * Reads the words after `subscribe`: `07:30 Europe/Paris fr actor:CN type:sanction`, `weekdays 08:00`,
 * `daily 18:00`, `mon,thu 9h`, `cron "0 9 * * 1"`, and filters `incident:` `actor:` `country:` `type:`
 * `min:` `empty:note`. Anything left unsaid takes the defaults (weekdays 08:00, the given zone and language).
 * Errors are values naming the word that was wrong, in the caller's language, with an example.
 */
export function parseSubscribe(text: string, defaults: SubscribeDefaults): ParseSubscribeResult {
  const M = MESSAGES[defaults.locale];
  try {
    return { ok: true, value: parseTokens(tokenize(text, M.quote), defaults, M) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.message, example: SUBSCRIBE_EXAMPLE };
    throw e;
  }
}

function fail(message: string): never {
  throw new ParseFailure(message);
}

/** Splits on spaces, keeping quoted runs whole; phones turn " into “ ” and French keyboards use « ». */
function tokenize(text: string, unclosed: string): string[] {
  const plain = text
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\u00a0/g, ' ')
    .trim();
  if (plain === '') return [];
  const tokens: string[] = [];
  const re = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
  let consumed = '';
  for (const m of plain.matchAll(re)) {
    consumed += m[0];
    tokens.push(m[0].replace(/["']/g, ''));
  }
  if (consumed.replace(/\s/g, '') !== plain.replace(/\s/g, '')) fail(unclosed);
  return tokens.filter((t) => t.trim() !== '');
}

type Messages = (typeof MESSAGES)[Locale];

function parseTokens(tokens: string[], defaults: SubscribeDefaults, M: Messages): ParsedSubscribe {
  let time: { hour: number; minute: number } | undefined;
  let days: string | undefined;
  let cron: string | undefined;
  let timezone: string | undefined;
  let locale: Locale | undefined;
  let emptyDigest: 'skip' | 'note' = 'skip';
  const filters: SubscriptionFilters = { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 };

  const setTz = (word: string) => {
    if (timezone !== undefined) fail(M.twoTz);
    timezone = canonicalZone(word) ?? fail(M.tz(word));
  };
  const setCron = (expr: string) => {
    const check = checkCron(expr);
    if (!check.ok) fail(M.cron(check.error));
    cron = expr.trim().replace(/\s+/g, ' ');
  };

  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] as string;
    const word = fold(raw);
    const colon = raw.indexOf(':');
    const key = colon > 0 ? FILTER_KEYS[fold(raw.slice(0, colon))] : undefined;

    if (word === 'cron') {
      const next = tokens[i + 1];
      if (next === undefined) fail(M.cronMissing);
      if (/\s/.test(next)) {
        setCron(next);
        i += 1;
      } else {
        // Unquoted: five fields, or six when the sixth still looks like a cron field.
        const fields = tokens.slice(i + 1, i + 7);
        const take = fields.length === 6 && /^[\d*,\-/?LW#]+$/i.test(fields[5] as string) ? 6 : 5;
        if (fields.length < 5) fail(M.cronMissing);
        setCron(fields.slice(0, take).join(' '));
        i += take;
      }
      continue;
    }
    if (key !== undefined) {
      const value = raw.slice(colon + 1).trim();
      if (value === '') fail(M.emptyValue(raw.slice(0, colon)));
      applyKey(key, value);
      continue;
    }
    const parsedTime = parseTime(word);
    if (parsedTime !== undefined) {
      if (parsedTime === null) fail(M.time(raw));
      if (time !== undefined) fail(M.twoTimes);
      time = parsedTime;
      continue;
    }
    const parsedDays = parseDays(word);
    if (parsedDays !== undefined) {
      if (days !== undefined) fail(M.twoDays);
      days = parsedDays;
      continue;
    }
    if (LOCALE_WORDS[word] !== undefined) {
      locale = LOCALE_WORDS[word];
      continue;
    }
    if (raw.includes('/') || /^(utc|gmt)$/i.test(raw)) {
      setTz(raw);
      continue;
    }
    fail(M.unknown(raw));
  }

  function applyKey(k: NonNullable<(typeof FILTER_KEYS)[string]>, value: string): void {
    const values = value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    switch (k) {
      case 'incident':
        for (const v of values) pushNew(filters.incidents, defaults.resolveIncident?.(v) ?? fold(v));
        return;
      case 'actor':
        for (const v of values) pushNew(filters.actors, defaults.resolveActor?.(v) ?? actorId(v) ?? fail(M.actor(v)));
        return;
      case 'country':
        for (const v of values) {
          if (!/^[a-z]{2}$/i.test(v)) fail(M.country(v));
          pushNew(filters.countries, v.toUpperCase());
        }
        return;
      case 'type':
        for (const v of values) pushNew(filters.types, developmentType(v) ?? fail(M.type(v)));
        return;
      case 'min': {
        const pct = /^(\d+(?:[.,]\d+)?)%$/.exec(value);
        const n = pct ? Number((pct[1] as string).replace(',', '.')) / 100 : Number(value.replace(',', '.'));
        if (!Number.isFinite(n) || n < 0 || n > 1 || value === '') fail(M.min(value));
        filters.minSignificance = n;
        return;
      }
      case 'empty':
        emptyDigest = EMPTY_WORDS[fold(value)] ?? fail(M.empty(value));
        return;
      case 'lang':
        locale = LOCALE_WORDS[fold(value)] ?? fail(M.locale(value));
        return;
      case 'tz':
        setTz(value);
        return;
      case 'cron':
        setCron(value);
        return;
    }
  }

  if (cron !== undefined && (time !== undefined || days !== undefined)) fail(M.cronAndTime);
  const at = time ?? { hour: DEFAULT_SCHEDULE.hour, minute: DEFAULT_SCHEDULE.minute };
  const finalCron = cron ?? `${at.minute} ${at.hour} * * ${days ?? DEFAULT_SCHEDULE.days}`;
  const zone = timezone ?? canonicalZone(defaults.timezone) ?? defaults.timezone;
  return { cron: finalCron, timezone: zone, locale: locale ?? defaults.locale, filters, emptyDigest };
}

/** `07:30`, `7:30`, `7h30`, `8h`, `8am`, `6:15pm`: undefined when the word is not shaped like a time, null when out of range. */
function parseTime(word: string): { hour: number; minute: number } | null | undefined {
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?(am|pm)?$/.exec(word);
  if (!m || (m[2] === undefined && m[3] === undefined && !/[:h]/.test(word))) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** `weekdays`, `daily`, `weekends`, or day names `mon,thu` / `lundi,jeudi`, as a cron day-of-week field. */
function parseDays(word: string): string | undefined {
  const preset = DAY_WORDS[word];
  if (preset !== undefined) return preset;
  const parts = word.split(',').filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const numbers: number[] = [];
  for (const p of parts) {
    const d = DAY_NAMES[p];
    if (d === undefined) return undefined;
    if (!numbers.includes(d)) numbers.push(d);
  }
  return numbers.sort((a, b) => a - b).join(',');
}

function developmentType(value: string): DevelopmentType | undefined {
  const w = fold(value);
  for (const candidate of [w, w.replace(/s$/, '')]) {
    const r = DevelopmentType.safeParse(candidate);
    if (r.success) return r.data;
    const fr = TYPE_WORDS[candidate];
    if (fr !== undefined) return fr;
  }
  return undefined;
}

/** Actor ids keep the knowledge base's case rules: states, groups and bodies upper case, people lower. */
function actorId(value: string): string | undefined {
  if (/^[a-z]{2}$/i.test(value) || /^g\d{4}$/i.test(value)) return value.toUpperCase();
  if (/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/.test(value)) return value;
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(value)) return value;
  return undefined;
}

function canonicalZone(word: string): string | undefined {
  if (!isTimeZone(word)) return undefined;
  return new Intl.DateTimeFormat('en', { timeZone: word }).resolvedOptions().timeZone;
}

function pushNew<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Lower case without accents, so `Français`, `déclaration` and `MON` read as the table's words. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
