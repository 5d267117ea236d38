import type { ActorRef } from '../../src/domain/actor';
import type { Brief } from '../../src/domain/brief';
import { PartialDate } from '../../src/domain/dates';
import type { Locale } from '../../src/domain/text';
import { formatDate, joinNames, labels } from '../../src/brief/labels';
import { escapeInline, escapeMrkdwn, mrkdwnLink } from './escape';

/**
 * The pieces of a brief as escaped mrkdwn lines. Every string that came from the store passes
 * through escapeMrkdwn (or mrkdwnLink) here, once, before any layout decision.
 */

/**
 * formatDate builds an Intl.DateTimeFormat per call, which costs more than the rest of a brief;
 * the same few thousand dates recur in every brief, so their formatted form is kept.
 */
const dateCache = new Map<string, string>();
const DATE_CACHE_MAX = 20_000;

export function showDate(date: string, locale: Locale): string {
  const key = `${locale}:${date}`;
  const hit = dateCache.get(key);
  if (hit !== undefined) return hit;
  const shown = PartialDate.safeParse(date).success ? formatDate(date, locale) : date;
  if (dateCache.size >= DATE_CACHE_MAX) dateCache.clear();
  dateCache.set(key, shown);
  return shown;
}

/** As formatPeriod, through the date cache. */
export function showPeriod(period: { start: string; end?: string } | undefined, locale: Locale): string {
  if (!period) return '';
  if (!period.end || period.end === period.start) return showDate(period.start, locale);
  return `${showDate(period.start, locale)} – ${showDate(period.end, locale)}`;
}

/** "_(in French)_" when a text drawn from a source is not in the reader's language. */
export function langNote(lang: string, locale: Locale): string {
  return lang === locale ? '' : ` _(${escapeMrkdwn(labels(locale).inLanguage(lang))})_`;
}

function names(refs: ActorRef[], locale: Locale): string {
  return escapeMrkdwn(
    joinNames(
      refs.map((r) => r.name),
      locale,
    ),
  );
}

export function timelineLine(entry: Brief['timeline'][number], locale: Locale): string {
  const L = labels(locale);
  return `• *${escapeMrkdwn(showDate(entry.date, locale))}* · ${escapeMrkdwn(L.type[entry.type])}: ${escapeInline(entry.text)}${langNote(entry.lang, locale)}`;
}

export function timelineLines(brief: Brief, entries: Brief['timeline'] = brief.timeline): string[] {
  return entries.map((e) => timelineLine(e, brief.locale));
}

export function sourceLine(source: Brief['sources'][number], locale: Locale): string {
  const title = source.title ?? source.url ?? source.id;
  const lang = source.language === locale ? '' : ` (${escapeMrkdwn(source.language)})`;
  return `• ${mrkdwnLink(source.url, title)} · ${escapeMrkdwn(showDate(source.published, locale))}${lang}`;
}

export function sourceLines(brief: Brief, sources: Brief['sources'] = brief.sources): string[] {
  return sources.map((s) => sourceLine(s, brief.locale));
}

export function relatedLines(brief: Brief): string[] {
  if (brief.incidents && brief.incidents.length > 0) {
    const role = (r: 'suspected' | 'target' | 'responder') =>
      brief.locale === 'fr'
        ? { suspected: 'mis en cause', target: 'visé', responder: 'a répondu' }[r]
        : { suspected: 'suspected', target: 'targeted', responder: 'responded' }[r];
    return brief.incidents.map(
      (i) =>
        `• *${escapeInline(i.name)}* · ${escapeMrkdwn(showPeriod(i.period, brief.locale))} · ${escapeMrkdwn(role(i.role))}`,
    );
  }
  return brief.related.map((r) => `• ${escapeInline(r.name)}`);
}

/**
 * Attribution and responses as short fields: who is accused, who attributed (and when), who
 * denied, and the responses. Each field is a label line and a few entries; the rest is counted.
 */
export function attributionFields(brief: Brief, perField = 5): string[] {
  const L = labels(brief.locale);
  const locale = brief.locale;
  const out: string[] = [];
  const field = (label: string, lines: string[]) => {
    if (lines.length === 0) return;
    const shown = lines.slice(0, perField);
    if (lines.length > perField) shown.push(`_${escapeMrkdwn(L.more(lines.length - perField))}_`);
    out.push(`*${escapeMrkdwn(label)}*\n${shown.join('\n')}`);
  };
  const accused = new Map<string, ActorRef>();
  for (const a of brief.attribution) if (a.stance !== 'denied') for (const r of a.to) accused.set(r.id, r);
  field(L.accused, accused.size > 0 ? [names([...accused.values()], locale)] : []);
  field(
    L.attributedBy,
    brief.attribution
      .filter((a) => a.stance !== 'denied' && a.by.length > 0)
      .map(
        (a) =>
          `${names(a.by, locale)} · ${escapeMrkdwn(showDate(a.date, locale))}${a.stance === 'suspected' ? ` _(${escapeMrkdwn(L.stance.suspected)})_` : ''}`,
      ),
  );
  field(
    L.deniedBy,
    brief.attribution
      .filter((a) => a.stance === 'denied' && a.by.length > 0)
      .map((a) => `${names(a.by, locale)} · ${escapeMrkdwn(showDate(a.date, locale))}`),
  );
  field(
    L.responses,
    brief.responses.map((r) => {
      const who = r.by.length > 0 ? ` · ${names(r.by, locale)}` : '';
      return `${escapeMrkdwn(L.type[r.type])}${who} · ${escapeMrkdwn(showDate(r.date, locale))}`;
    }),
  );
  return out;
}
