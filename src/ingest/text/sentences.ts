import { splitSentences } from '../../text/sentences';

export interface Sentence {
  text: string;
  /** Index of the paragraph it came from: a paragraph break ends any quotation or reference chain. */
  paragraph: number;
  /** A heading or a section line (no final punctuation): read for names, never for developments. */
  heading: boolean;
}

/** Section markers of wire copy and scraped pages, dropped from the start of a paragraph. */
const MARKER = /^[♦◆■□●•▪►▶▸※*#>—–-]+\s*/u;
/** Abbreviations after which a full stop does not end a sentence. */
const TITLES = new Set(
  'm mm mme mmes mlle mlles dr mr mrs ms prof pr me st ste gen gén sen rep gov lt col cpt capt sgt adm maj cdt cmdt jr sr no nos vs cf art av apr ed éd env fig vol p pp etc ex min'.split(
    ' ',
  ),
);
/** Country abbreviations: they end a sentence unless a name continues ("The U.S. Department of Justice"). */
const COUNTRY_ABBR = /(?:^|[\s(«"“])((?:\p{Lu}\.){2,})$/u;
/** Abbreviations of places and unions, which may end a sentence ("...in the U.S."). */
const PLACE_ABBR = new Set(['US', 'USA', 'UK', 'UN', 'EU', 'UE', 'USSR', 'UAE', 'EAU', 'ONU', 'DC']);
const CONTINUES_NAME = new Set(
  'Department Treasury State Justice Government Administration Army Navy Air Congress Senate House Attorney President Secretary Embassy Ambassador Cyber National Intelligence Federal Defense Defence Forces Marshals Command Coast Court District Foreign Home Mission Security Special'.split(
    ' ',
  ),
);

/**
 * Sentences of an article in French or English. ICU's segmenter (Intl.Segmenter) does the
 * splitting; the repairs below undo what it gets wrong in news copy: a break after "M." or
 * "Dr.", inside « guillemets » or a quotation, after "U.S." when a name goes on.
 */
export function articleSentences(text: string, lang: string): Sentence[] {
  const out: Sentence[] = [];
  const paras = text.split(/\n\s*\n/);
  paras.forEach((raw, paragraph) => {
    const para = raw.replace(MARKER, '').replace(/\s+/g, ' ').trim();
    if (!para) return;
    const parts = repair(splitSentences(para, lang));
    const single = parts.length === 1;
    for (const p of parts) {
      out.push({ text: p, paragraph, heading: single && isHeading(p) });
    }
  });
  return out;
}

function repair(parts: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < parts.length) {
    let cur = parts[i] as string;
    i++;
    let guard = 0;
    while (i < parts.length && guard < 8 && shouldJoin(cur, parts[i] as string)) {
      cur = `${cur} ${parts[i] as string}`;
      i++;
      guard++;
    }
    out.push(cur);
  }
  return out;
}

function shouldJoin(prev: string, next: string): boolean {
  // Inside an open quotation the speaker has not finished.
  if (count(prev, '«') > count(prev, '»')) return true;
  if (count(prev, '“') > count(prev, '”')) return true;
  if (count(prev, '"') % 2 === 1 && /"/.test(next)) return true;
  // A sentence never starts in lower case: the break was after an abbreviation.
  if (/^[\p{Ll}]/u.test(next)) return true;
  const last = /(\S+)\.$/.exec(prev)?.[1] ?? '';
  const bare = last.replace(/^[(«"“]+/, '').toLowerCase();
  if (TITLES.has(bare) && !/\d/.test(bare)) return true;
  // An initial ("John F. Kennedy", "J.-Y. Le Drian").
  if (/(^|\s)\p{Lu}\.$/u.test(prev) || /(^|\s)\p{Lu}\.-\p{Lu}\.$/u.test(prev)) return true;
  const abbr = COUNTRY_ABBR.exec(prev);
  if (abbr) {
    // "H.R. McMaster": initials of a person go on; "the U.S." ends a sentence unless a name goes on.
    if (!PLACE_ABBR.has((abbr[1] as string).replace(/\./g, ''))) return true;
    const first = /^[\p{L}]+/u.exec(next)?.[0] ?? '';
    return CONTINUES_NAME.has(first);
  }
  return false;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** A title or section line: no closing punctuation and short. */
function isHeading(s: string): boolean {
  if (/[.!?…:;»"”)]$/.test(s)) return false;
  return s.split(/\s+/).length <= 16;
}
