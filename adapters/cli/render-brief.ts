import { formatDate, formatPeriod, joinNames, labels, siteOf } from '../../src/brief/labels';
import type { Brief } from '../../src/domain/brief';
import type { FirstScreen } from '../../src/domain/screen';
import { stripControl } from '../../src/text/terminal-text';
import { styler } from './style';

/**
 * Terminal rendering of a Brief: plain text that reads well when piped, with colour only when
 * stdout is a TTY. Terminal control characters from content are dropped so an article cannot
 * repaint the user's screen.
 */
export function renderBrief(brief: Brief, color: boolean): string {
  const L = labels(brief.locale);
  const s = styler(color);
  const lines: string[] = [];
  const clean = stripControl;
  const lang = (l: string) => (l !== brief.locale ? ` ${s.dim(`(${L.inLanguage(l)})`)}` : '');
  const cite = (ids: string[]) =>
    ids.length ? s.dim(` [${ids.map((id) => sourceNumber(brief, id)).join(', ')}]`) : '';

  if (brief.status !== 'found') {
    lines.push(s.bold(clean(brief.title)));
    if (brief.candidates?.length) {
      lines.push('', `${brief.status === 'ambiguous' ? L.candidates : L.suggestions}:`);
      for (const c of brief.candidates)
        lines.push(`  • ${clean(c.name)} ${s.dim(`(${c.kind === 'incident' ? c.id : `${c.kind} ${c.id}`})`)}`);
    } else if (brief.status === 'not_found') {
      lines.push(
        brief.locale === 'fr'
          ? 'Essayez un nom d’incident, de groupe ou de pays (ex. : wannacry, lazarus, chine).'
          : 'Try an incident, group or country name (e.g. wannacry, lazarus, china).',
      );
    }
    return `${lines.join('\n')}\n`;
  }

  if (brief.screen) return renderScreen(brief.screen, color);
  lines.push(s.bold(clean(brief.title)));
  const meta: string[] = [];
  if (brief.period) meta.push(formatPeriod(brief.period, brief.locale));
  meta.push(L.sourcesCount(brief.sources.length));
  lines.push(s.dim(meta.join(' · ')), '');
  for (const sentence of brief.summary) lines.push(clean(sentence));

  if (brief.incidents?.length) {
    lines.push('', s.heading(L.incidents));
    for (const i of brief.incidents.slice(0, 12))
      lines.push(`  ${formatDate(i.period.start, brief.locale).padEnd(18)} ${clean(i.name)} ${s.dim(`(${i.role})`)}`);
  }
  if (brief.attribution.length) {
    lines.push('', s.heading(L.attribution));
    for (const a of brief.attribution) {
      // Researchers and press often go unnamed in an article: say so rather than print nothing.
      const who =
        a.by.length > 0
          ? joinNames(
              a.by.map((r) => r.name),
              brief.locale,
            )
          : brief.locale === 'fr'
            ? 'sources non nommées'
            : 'unnamed sources';
      const whom = joinNames(
        a.to.map((r) => r.name),
        brief.locale,
      );
      const stance = L.stance[a.stance];
      const arrow =
        a.stance === 'denied'
          ? whom
            ? ` (${brief.locale === 'fr' ? 'face à' : 'answering'} ${clean(whom)})`
            : ''
          : whom
            ? ` → ${clean(whom)}`
            : '';
      lines.push(
        `  ${formatDate(a.date, brief.locale).padEnd(18)} ${s.em(stance)}: ${clean(who)}${arrow}${cite(a.sources)}`,
      );
    }
  }
  if (brief.responses.length) {
    lines.push('', s.heading(L.responses));
    for (const r of brief.responses)
      lines.push(
        `  ${formatDate(r.date, brief.locale).padEnd(18)} ${s.em(L.type[r.type])}: ${clean(r.text)}${lang(r.lang)}${cite(r.sources)}`,
      );
  }
  if (brief.timeline.length) {
    lines.push('', s.heading(L.timeline));
    const width = Math.max(...brief.timeline.map((t) => L.type[t.type].length));
    for (const t of brief.timeline)
      lines.push(
        `  ${formatDate(t.date, brief.locale).padEnd(18)} ${L.type[t.type].padEnd(width)}  ${clean(t.text)}${lang(t.lang)}${cite(t.sources)}`,
      );
  }
  if (brief.related.length && !brief.incidents?.length) {
    lines.push('', `${s.heading(L.related)}: ${brief.related.map((r) => clean(r.name)).join(' · ')}`);
  }
  if (brief.sources.length) {
    lines.push('', s.heading(L.sources));
    brief.sources.forEach((src, i) => {
      const title = clean(src.title ?? siteOf(src.url) ?? src.id);
      lines.push(
        `  [${i + 1}] ${title} (${src.published}, ${src.language})${src.url ? `\n      ${clean(src.url)}` : ''}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

function sourceNumber(brief: Brief, id: string): number {
  return brief.sources.findIndex((s) => s.id === id) + 1;
}

// One function for every CLI output (src/text/terminal-text.ts); re-exported where commands always took it.
export { stripControl };

/** The first screen, then the whole timeline and the numbered sources: the same statements as chat. */
function renderScreen(screen: FirstScreen, color: boolean): string {
  const L = labels(screen.locale);
  const s = styler(color);
  const clean = stripControl;
  const out: string[] = [s.bold(clean(screen.title))];
  out.push(s.dim([screen.kindLabel, screen.periodLabel].filter((x) => x).join(' · ')), '');
  for (const g of screen.gist) out.push(clean(g));
  if (screen.incidents?.length) {
    out.push('', s.heading(L.incidents));
    for (const i of screen.incidents) out.push(`  ${clean(i.name)} ${s.dim(`(${i.year}, ${i.role})`)}`);
  }
  const facts = [...screen.attribution, ...screen.denials];
  if (facts.length) out.push('', s.heading(L.attribution), ...facts.map((l) => `  ${clean(l.line)}`));
  if (screen.responses.length)
    out.push('', s.heading(L.responses), ...screen.responses.map((l) => `  ${clean(l.line)}`));
  if (screen.timeline.length) out.push('', s.heading(L.timeline), ...screen.timeline.map((l) => `  ${clean(l.line)}`));
  if (screen.sources.length) {
    out.push('', s.heading(L.sources));
    for (const src of screen.sources) {
      const meta = [src.published, src.kindLabel, src.langMark ?? src.language].filter((x) => x).join(', ');
      const title = clean(src.title ?? siteOf(src.url) ?? src.id);
      out.push(`  [${src.n}] ${title} (${meta})${src.url ? `\n      ${clean(src.url)}` : ''}`);
    }
  }
  if (screen.quotes.length) {
    out.push('', s.heading(L.quotes));
    for (const q of screen.quotes)
      out.push(`  “${clean(q.text)}” (${q.lang}) ${q.cites.map((n) => `[${n}]`).join('')}`);
  }
  if (screen.asOfLabel) out.push('', s.dim(screen.asOfLabel));
  return `${out.join('\n')}\n`;
}
