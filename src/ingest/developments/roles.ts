import type { Mention, Prep } from '../entities';
import { GOVERNMENT_NOUNS } from '../entities';
import type { Token } from '../text/tokens';

/** Words that may sit between two names of one list ("les États-Unis et leurs principaux alliés - l'UE, le Canada"). */
const JOINERS = new Set(
  ("et and ou or ainsi que as well de du des d' of the le la les l' a au aux to its their leurs leur ses son sa plus also aussi notamment including dont y compris such comme principaux principales " +
    'allies allied partenaires partners pays countries membres members gouvernement government , - – — ( ) « » " together with').split(' '),
);
/** Words that end a list of parties: what follows is the content of the act, not its parties. */
const GROUP_STOP = new Set(["d'avoir", 'avoir', 'qui', 'dont', 'ou', "qu'", 'which', 'who', 'that', 'for', 'over', 'pour', 'apres', 'after', 'because', 'car', 'since', 'depuis', 'lors', 'during', 'when', 'quand', 'lorsque', 'after']);
/** Role nouns whose genitive names a party: "les chefs de la diplomatie des États membres de l'UE". */
const ROLE_NOUNS = new Set(
  [...GOVERNMENT_NOUNS, ...'chefs chef membres etats pays alliés allies partenaires signataires representants representant porte parole head heads members states countries signatories representatives leaders dirigeants ministres'.split(' ')],
);

export interface Span {
  start: number;
  end: number;
}

export function actorMentions(mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => !m.incident);
}

/** A mention that can be the subject of the clause: not governed by a preposition, or by "selon", or the genitive of a role noun. */
export function subjectLike(m: Mention, tokens: readonly Token[], allowAffiliation = false): boolean {
  if (m.role === 'nationality') return false;
  if (m.role === 'affiliation' && !allowAffiliation) return false;
  if (m.prep === undefined || m.prep === 'selon') return true;
  if (m.prep === 'de') return genitiveOfRole(tokens, m.start);
  return false;
}

/** "des États membres de l'UE", "the foreign ministers of the EU": the word before "de"/"of" is a role noun. */
export function genitiveOfRole(tokens: readonly Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && tokens[k]?.word && /^(le|la|les|l'|the|de|du|des|d'|of)$/.test((tokens[k] as Token).norm)) k--;
  const t = tokens[k];
  return t?.word === true && ROLE_NOUNS.has(t.norm);
}

/**
 * The first list of parties in [from, to): names joined only by commas, conjunctions, articles
 * or "allies", and starting with a mention `first` accepts. Stops at the content of the act.
 */
export function firstGroup(tokens: readonly Token[], mentions: readonly Mention[], from: number, to: number, first: (m: Mention) => boolean, more: (m: Mention) => boolean = first): Mention[] {
  const inRange = mentions.filter((m) => !m.incident && m.start >= from && m.end <= to).sort((a, b) => a.start - b.start);
  const startAt = inRange.findIndex(first);
  if (startAt < 0) return [];
  // Anything but a short article or preposition before the first party ends the search: "accusent la Chine d'avoir..." keeps China; a stop word first does not.
  for (let k = from; k < (inRange[startAt] as Mention).start; k++) {
    const t = tokens[k] as Token;
    if (t.word && GROUP_STOP.has(t.norm)) return [];
  }
  const group: Mention[] = [inRange[startAt] as Mention];
  let last = inRange[startAt] as Mention;
  for (let i = startAt + 1; i < inRange.length; i++) {
    const m = inRange[i] as Mention;
    if (!more(m)) continue;
    if (!joined(tokens, last.end, m.start)) break;
    group.push(m);
    last = m;
  }
  return group;
}

function joined(tokens: readonly Token[], from: number, to: number): boolean {
  let others = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.word && GROUP_STOP.has(t.norm)) return false;
    if (!t.word && (t.text === '.' || t.text === ';' || t.text === ':')) return false;
    if (JOINERS.has(t.norm) || JOINERS.has(t.text)) continue;
    others++;
    if (others > 2) return false;
  }
  return true;
}

/** The list of parties closest before `at` in [from, at). */
export function lastGroupBefore(tokens: readonly Token[], mentions: readonly Mention[], from: number, at: number, accept: (m: Mention) => boolean): Mention[] {
  const inRange = mentions.filter((m) => !m.incident && m.start >= from && m.end <= at && accept(m)).sort((a, b) => a.start - b.start);
  if (inRange.length === 0) return [];
  const group: Mention[] = [inRange[inRange.length - 1] as Mention];
  for (let i = inRange.length - 2; i >= 0; i--) {
    const m = inRange[i] as Mention;
    if (!joined(tokens, m.end, (group[0] as Mention).start)) break;
    group.unshift(m);
  }
  return group;
}

/** Mentions in [from, to) governed by one of `preps`. */
export function withPrep(mentions: readonly Mention[], from: number, to: number, preps: readonly (Prep | undefined)[]): Mention[] {
  return mentions.filter((m) => !m.incident && m.role !== 'nationality' && m.start >= from && m.end <= to && preps.includes(m.prep));
}

/** Spans of « guillemets » and "quotes" in the sentence, as token ranges. */
export function quotedSpans(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let straight = -1;
  tokens.forEach((t, i) => {
    if (t.text === '«' || t.text === '“') open = i;
    else if ((t.text === '»' || t.text === '”') && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    } else if (t.text === '"') {
      if (straight < 0) straight = i;
      else {
        spans.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    }
  });
  if (open >= 0) spans.push({ start: open, end: tokens.length });
  if (straight >= 0) spans.push({ start: straight, end: tokens.length });
  return spans;
}

export function inside(spans: readonly Span[], at: number): Span | undefined {
  return spans.find((s) => at > s.start && at < s.end);
}

/** "a été", "ont été", "was", "were", "is", "been" just before a participle. */
export function isPassive(tokens: readonly Token[], at: number): boolean {
  const verb = (tokens[at] as Token).text.toLowerCase();
  if (!/(é|ée|és|ées|is|ise|ises|it|ite|its|u|ue|us|ert|erte|ed|en|wn)$/.test(verb)) return false;
  for (let k = at - 1, words = 0; k >= 0 && words < 3; k--) {
    const t = tokens[k] as Token;
    if (!t.word) continue;
    words++;
    if (/^(ete|est|sont|etait|etaient|sera|seront|fut|furent|soit|soient|was|were|been|being|is|are|be|get|got)$/.test(t.norm)) return true;
  }
  return false;
}
