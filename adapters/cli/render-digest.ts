import { formatDate, joinNames, labels } from '../../src/brief/labels';
import type { Digest } from '../../src/domain/digest';
import { digestHeadline, formatInstant } from '../../src/digest/headline';
import { stripControl } from './render-brief';
import { styler } from './style';

/**
 * Terminal rendering of a Digest: the headline, then each incident with its developments ranked,
 * "and N more", and numbered sources. Plain when piped; content control characters are dropped.
 */
export function renderDigest(digest: Digest, color: boolean, timeZone: string): string {
  const L = labels(digest.locale);
  const s = styler(color);
  const clean = stripControl;
  const lines: string[] = [];
  lines.push(s.bold(clean(digestHeadline(digest))));
  lines.push(
    s.dim(
      `${formatInstant(digest.since, digest.locale, timeZone)} – ${formatInstant(digest.until, digest.locale, timeZone)} (${timeZone})`,
    ),
  );
  const number = (id: string) => digest.sources.findIndex((src) => src.id === id) + 1;
  for (const group of digest.incidents) {
    lines.push('', s.heading(clean(group.incident.name)));
    for (const d of group.developments) {
      const who = joinNames(
        d.by.map((r) => r.name),
        digest.locale,
      );
      const whom = joinNames(
        d.against.map((r) => r.name),
        digest.locale,
      );
      const actors = who || whom ? s.dim(` (${clean(who)}${whom ? ` → ${clean(whom)}` : ''})`) : '';
      const lang = d.lang !== digest.locale ? ` ${s.dim(`(${L.inLanguage(d.lang)})`)}` : '';
      const cite = d.sources.length ? s.dim(` [${d.sources.map(number).join(', ')}]`) : '';
      lines.push(
        `  ${formatDate(d.date, digest.locale).padEnd(18)} ${s.em(L.type[d.type])}: ${clean(d.text)}${lang}${actors}${cite}`,
      );
    }
  }
  if (digest.more > 0) lines.push('', `  … ${L.more(digest.more)}`);
  if (digest.sources.length) {
    lines.push('', s.heading(L.sources));
    digest.sources.forEach((src, i) => {
      const title = src.title ? clean(src.title) : src.id;
      lines.push(
        `  [${i + 1}] ${title} (${src.published}, ${src.language})${src.url ? `\n      ${clean(src.url)}` : ''}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
