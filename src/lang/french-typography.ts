import type { Locale } from '../domain/text';

/** French sets a no-break space before « : » and inside guillemets, a narrow one before ; ? ! */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

const SPACE_BEFORE: Record<string, string> = { ':': NBSP, ';': NNBSP, '?': NNBSP, '!': NNBSP };

/**
 * Gives generated French text its spaces: a no-break space before a colon, a narrow one before
 * ; ? !, and no-break spaces inside « ». Colons of URLs (`https://`) and times (`08:00`) are left
 * alone. Only for text the project writes: article quotes keep their own typography.
 */
export function frenchSpacing(text: string): string {
  let out = text.replace(/«\s*/g, `«${NBSP}`).replace(/\s*»/g, `${NBSP}»`);
  out = out.replace(
    /[ \t]*([:;?!])(?=\s|$|\)|»|\]|,|\.|\*|_)/g,
    (all: string, mark: string, offset: number, str: string) => {
      const prev = str.charAt(offset - 1);
      if (prev === '' || prev === NBSP || prev === NNBSP) return all.trimStart();
      if (mark === ':' && /\d/.test(prev) && /\d/.test(str.charAt(offset + all.length))) return all;
      // "?!" keeps one space, before its first mark.
      if (/[?!;:]/.test(prev) && all.trimStart() === all) return all;
      return `${SPACE_BEFORE[mark]}${mark}`;
    },
  );
  return out;
}

/** A colon as each language writes it: "Sources:" / "Sources :". */
export function colon(locale: Locale): string {
  return locale === 'fr' ? `${NBSP}:` : ':';
}

/** Quoted words: « pegasus » in French, “pegasus” in English (never « » in English). */
export function quoted(text: string, locale: Locale): string {
  return locale === 'fr' ? `«${NBSP}${text}${NBSP}»` : `“${text}”`;
}

/** "Did you mean?" / "Vouliez-vous dire ?" */
export function question(text: string, locale: Locale): string {
  return locale === 'fr' ? `${text}${NNBSP}?` : `${text}?`;
}

/**
 * What a French or English reader would see as a typographic fault, for tests and checks: in
 * French a : ; ? ! without its (narrow) no-break space or « » without theirs; in English any « ».
 * URLs, times and markup such as `<!here>` are not faults.
 */
export function typographyFaults(text: string, locale: Locale): string[] {
  const faults: string[] = [];
  const clean = text
    .replace(/<[^>\s]*>/g, ' ')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/\d:\d/g, ' ');
  if (locale === 'en') {
    if (/[«»]/.test(clean)) faults.push('guillemets in English');
    return faults;
  }
  const re = /(.)([:;?!])(?=\s|$)/gu;
  for (const m of clean.matchAll(re)) {
    const before = m[1]!;
    const mark = m[2]!;
    if (before === NBSP || before === NNBSP) continue;
    if (/[?!]/.test(mark) && /[?!]/.test(before)) continue;
    const at = m.index ?? 0;
    faults.push(`“${clean.slice(Math.max(0, at - 20), at + 2)}” lacks a no-break space before ${mark}`);
  }
  for (const m of clean.matchAll(/«(?!\u00a0|\u202f)|(?<!\u00a0|\u202f)»/g)) {
    const at = m.index ?? 0;
    faults.push(`“${clean.slice(Math.max(0, at - 20), at + 2)}” lacks a no-break space inside « »`);
  }
  return faults;
}
