import type { PartialDate } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident, IncidentType } from '../domain/incident';
import { formatDate } from '../brief/labels';
import type { Lexicon } from './lexicon/lexicon';
import type { Token } from './text/tokens';

/** Event nouns an incident can be named after, with their type and their word in each language. */
const EVENTS: { words: RegExp; type: IncidentType; fr: string; en: string }[] = [
  {
    words: /^(rancongiciel|rancongiciels|ransomware|rancon|rancons|ransom)$/,
    type: 'ransomware',
    fr: 'Attaque au rançongiciel',
    en: 'Ransomware attack',
  },
  {
    words: /^(intrusion|intrusions|infiltration|infiltre|infiltree)$/,
    type: 'intrusion',
    fr: 'Intrusion',
    en: 'Intrusion',
  },
  { words: /^(fuite|fuites|leak|leaks|leaked)$/, type: 'hack-and-leak', fr: 'Fuite', en: 'Leak' },
  { words: /^(espionnage|espionage|espionne|spied|spying)$/, type: 'espionage', fr: 'Espionnage', en: 'Espionage' },
  {
    words: /^(ddos|saturation|sature|saturee)$/,
    type: 'ddos',
    fr: 'Attaque par déni de service',
    en: 'Denial-of-service attack',
  },
  { words: /^(sabotage|wiper|effacement)$/, type: 'sabotage', fr: 'Sabotage', en: 'Sabotage' },
  {
    words: /^(vol|breach|breaches|breached|stole|stolen|exfiltration)$/,
    type: 'data-breach',
    fr: 'Vol de données',
    en: 'Data breach',
  },
  {
    words: /^(broke|broken|break|breaking|infiltre|infiltres|infiltrated|compromis|compromised)$/,
    type: 'intrusion',
    fr: 'Intrusion',
    en: 'Intrusion',
  },
  { words: /^(piratage|piratages|pirate|hack|hacked|hacking)$/, type: 'intrusion', fr: 'Piratage', en: 'Hack' },
  {
    words: /^(cyberattaque|cyberattaques|attaque|attaques|cyberattack|cyberattacks|attack|attacks|attacked|attaque)$/,
    type: 'intrusion',
    fr: 'Cyberattaque',
    en: 'Cyberattack',
  },
];
const ARTICLES = new Set([
  'le',
  'la',
  'les',
  "l'",
  'un',
  'une',
  'des',
  'du',
  'the',
  'a',
  'an',
  'its',
  'their',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
]);
const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'this', 'these', 'that', 'those']);
const NP_STOP = new Set([
  'grace',
  'via',
  'using',
  'through',
  'thanks',
  'dont',
  'qui',
  'que',
  "qu'",
  'ou',
  'which',
  'who',
  'that',
  'where',
  'when',
  'quand',
  'lorsque',
  'pour',
  'for',
  'avec',
  'with',
  'et',
  'and',
  'mais',
  'but',
  'apres',
  'after',
  'since',
  'depuis',
  'selon',
  'according',
  'par',
  'by',
]);
const SLUG_STOP = new Set([
  'de',
  'la',
  'le',
  'les',
  "l'",
  'du',
  'des',
  "d'",
  'of',
  'the',
  'a',
  'an',
  'and',
  'et',
  'in',
  'en',
  'au',
  'aux',
  'to',
  'on',
  'sur',
  'dans',
  'into',
]);

export interface EventEvidence {
  tokens: readonly Token[];
  /** Where the attack trigger ends in those tokens: its object follows. */
  after: number;
  /** Token where the first party hit is named, if any. */
  victim?: number;
  /** The one hit is the sentence's subject ("X a été la cible de", "X was hit by"). */
  subjectFirst?: boolean;
  text: string;
  date: PartialDate;
}

/**
 * An incident for an article about something the knowledge base does not know, named from the
 * article's own words: the event noun it uses most ("intrusion") and the thing hit, as written
 * ("visioconférence des ministres de la Défense de l'UE"). The name stays in the article's language.
 */
export function buildNewIncident(args: {
  lang: 'en' | 'fr';
  published: PartialDate;
  events: EventEvidence[];
  allTokens: readonly (readonly Token[])[];
  developments: Pick<Development, 'type' | 'by' | 'against' | 'date'>[];
  lex: Lexicon;
  takenIds: ReadonlySet<string>;
}): Incident {
  const { lang, lex } = args;
  const counts = new Map<(typeof EVENTS)[number], number>();
  for (const tokens of args.allTokens) {
    for (const t of tokens) {
      if (!t.word) continue;
      const ev = EVENTS.find((e) => e.words.test(t.norm));
      if (ev) counts.set(ev, (counts.get(ev) ?? 0) + 1);
    }
  }
  // The most specific noun used wins over the generic "cyberattaque": EVENTS is ordered that way.
  const event = EVENTS.find((e) => counts.has(e)) ?? undefined;
  const first = args.events[0];
  const np = first ? eventPhrase(first) : '';
  const attacks = args.developments.filter((d) => d.type === 'attack');
  const targets = unique(attacks.flatMap((d) => d.against)).filter((id) => lex.actors.has(id));
  const suspected = unique(args.developments.filter((d) => d.type === 'attribution').flatMap((d) => d.against)).filter(
    (id) => lex.actors.has(id),
  );
  const start = [...args.developments.map((d) => d.date)].sort()[0] ?? args.published;
  const year = start.slice(0, 4);
  const onlyType = args.developments.every((d) => d.type === 'sanction')
    ? 'sanctions'
    : args.developments.every((d) => d.type === 'policy')
      ? 'policy'
      : undefined;
  const type: IncidentType = onlyType ?? event?.type ?? 'intrusion';
  const targetWords = np || targets.map((id) => lex.actors.get(id)?.name[lang] ?? id).join(', ');
  const head = {
    fr: event?.fr ?? (onlyType === 'sanctions' ? 'Sanctions' : onlyType === 'policy' ? 'Mesure' : 'Incident'),
    en: event?.en ?? (onlyType === 'sanctions' ? 'Sanctions' : onlyType === 'policy' ? 'Measure' : 'Incident'),
  };
  const name = {
    fr: targetWords ? `${head.fr} : ${targetWords} (${year})` : `${head.fr} (${year})`,
    en: targetWords ? `${head.en}: ${targetWords} (${year})` : `${head.en} (${year})`,
  };
  const id = uniqueId(
    `${slug([event ? (lang === 'fr' ? event.fr : event.en) : head[lang], targetWords].join(' '))}-${year}`,
    args.takenIds,
  );
  const evidence = (first?.text ?? '').slice(0, 400);
  const other = lang === 'fr' ? 'en' : 'fr';
  const summary = {
    [lang]: evidence || name[lang],
    [other]:
      other === 'en'
        ? `Read from a French-language article of ${formatDate(args.published, 'en')}; no English summary yet.`
        : `Lu dans un article en anglais du ${formatDate(args.published, 'fr')} ; pas encore de résumé en français.`,
  } as { en: string; fr: string };
  return {
    id,
    name,
    aliases: np ? [np] : [],
    type,
    period: { start },
    targets,
    suspected,
    summary,
    related: [],
    origin: 'ingested',
  };
}

const AUX = new Set([
  'a',
  'ont',
  'est',
  'sont',
  'etait',
  'etaient',
  'avait',
  'avaient',
  'sera',
  'was',
  'were',
  'has',
  'have',
  'had',
  'is',
  'are',
  'switched',
  'said',
  'says',
]);
const DATE_WORDS =
  /^(\d+|en|in|on|at|le|la|les|l'|the|du|de|des|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir|matin|dernier|derniere|monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning|last|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * The words that name what was hit, taken from the article: after a demonstrative ("cette
 * visioconférence des ministres de la Défense de l'UE"), the victim's own proper name ("Ireland's
 * Health Service Executive"), the subject of a "was hit" sentence, or the object of the attack verb.
 */
export function eventPhrase(ev: EventEvidence): string {
  const { tokens, after } = ev;
  for (let k = after; k < Math.min(tokens.length, after + 16); k++) {
    if (DEMONSTRATIVES.has((tokens[k] as Token).norm)) return nounPhrase(tokens, k + 1, ev.text);
  }
  if (ev.victim !== undefined && (tokens[ev.victim] as Token).cap) {
    let end = ev.victim;
    while (end < tokens.length && end - ev.victim < 8) {
      const t = tokens[end] as Token;
      if (
        t.word &&
        (t.cap || t.norm === "'s" || ((t.norm === 'de' || t.norm === 'of' || t.norm === 'du') && tokens[end + 1]?.cap))
      )
        end++;
      else break;
    }
    if (end - ev.victim >= 2) return render(tokens.slice(ev.victim, end), ev.text);
  }
  if (ev.subjectFirst) {
    let start = 0;
    while (start < tokens.length && (ARTICLES.has((tokens[start] as Token).norm) || !(tokens[start] as Token).word))
      start++;
    let end = start;
    while (
      end < tokens.length &&
      end - start < 9 &&
      (tokens[end] as Token).word &&
      !AUX.has((tokens[end] as Token).norm)
    )
      end++;
    if (end > start) return render(tokens.slice(start, end), ev.text);
  }
  let start = after;
  while (start < tokens.length && (tokens[start] as Token).word && DATE_WORDS.test((tokens[start] as Token).norm))
    start++;
  return nounPhrase(tokens, start, ev.text);
}

/** The words as the article wrote them (hyphens, apostrophes and all). */
function render(span: readonly Token[], text?: string): string {
  if (text && span.length > 0)
    return text
      .slice((span[0] as Token).start, (span[span.length - 1] as Token).end)
      .replace(/\s+/g, ' ')
      .trim();
  let out = '';
  for (let i = 0; i < span.length; i++) {
    const t = span[i] as Token;
    const prev = span[i - 1];
    out += i === 0 || (t.clitic && t.norm === "'s") || (prev && /['’]$/.test(prev.text)) ? t.text : ` ${t.text}`;
  }
  return out.trim();
}

/** "les codes d'accès de cette visioconférence des ministres de la Défense de l'UE dont..." -> "visioconférence des ministres de la Défense de l'UE". */
export function nounPhrase(tokens: readonly Token[], after: number, text?: string): string {
  let end = after;
  let words = 0;
  for (; end < tokens.length; end++) {
    const t = tokens[end] as Token;
    if (!t.word) {
      if (t.text === "'" || t.text === '’') continue;
      break;
    }
    if (NP_STOP.has(t.norm) || /^\d/.test(t.norm)) break;
    if (++words > 14) break;
  }
  let start = after;
  for (let k = after; k < end; k++) if (DEMONSTRATIVES.has((tokens[k] as Token).norm)) start = k + 1;
  if (start === after) {
    while (
      start < end &&
      (ARTICLES.has((tokens[start] as Token).norm) ||
        ['de', 'du', 'des', "d'", 'of', 'contre', 'against', 'on', 'into', 'dans', 'sur', 'about', 'over'].includes(
          (tokens[start] as Token).norm,
        ))
    )
      start++;
  }
  while (end > start && ARTICLES.has((tokens[end - 1] as Token).norm)) end--;
  const span = tokens.slice(start, Math.min(end, start + 9));
  while (
    span.length > 0 &&
    ['de', 'du', 'des', "d'", 'of', 'la', 'le', 'les', "l'", 'the'].includes((span[span.length - 1] as Token).norm)
  )
    span.pop();
  if (span.length === 0) return '';
  return render(span, text);
}

export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !SLUG_STOP.has(w) && w.length > 1);
  return words.slice(0, 6).join('-') || 'incident';
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
