import { joinNames, labels, siteOf } from '../../src/brief/labels';
import { dateLabel, periodLabel } from './cards/dates';
import type { ActorRef } from '../../src/domain/actor';
import type { Brief, SourceRef } from '../../src/domain/brief';
import type { Locale } from '../../src/domain/text';
import { type Budget, fitCard } from './cards/budget';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  card,
  factSet,
  headTail,
  heading,
  linkRow,
  messageBack,
  showCard,
  text,
} from './cards/elements';
import { plain, truncate } from './cards/plain-text';

export interface RenderedCard {
  card: AdaptiveCard;
  /** One line for notifications and the compose-extension preview. */
  summary: string;
}

/** The Adaptive Card of a brief: found, ambiguous or not found. */
export function renderBrief(brief: Brief): RenderedCard {
  const L = labels(brief.locale);
  const summary = plain(
    brief.period ? `${brief.title} (${periodLabel(brief.period, brief.locale)})` : brief.title,
    200,
  );
  if (brief.status !== 'found') return { card: choiceCard(brief), summary };
  return {
    card: fitCard((b) => foundCard(brief, b)),
    summary: brief.summary[0] ? plain(`${summary}: ${brief.summary[0]}`, 240) : summary || L.what,
  };
}

function foundCard(brief: Brief, b: Budget): AdaptiveCard {
  const L = labels(brief.locale);
  const locale = brief.locale;
  const body: CardElement[] = [text(plain(brief.title, 200), { size: 'Large', weight: 'Bolder' })];
  const meta: string[] = [];
  if (brief.subject?.kind === 'actor' && brief.subject.actorKind) meta.push(L.kind[brief.subject.actorKind]);
  if (brief.period) meta.push(periodLabel(brief.period, locale));
  if (brief.sources.length > 0) meta.push(L.sourcesCount(brief.sources.length));
  if (meta.length > 0) body.push(text(plain(meta.join(' · '), 300), { isSubtle: true, spacing: 'None' }));
  if (brief.summary.length > 0) body.push(text(plain(brief.summary.join(' '), b.summary)));

  if (brief.attribution.length > 0) {
    body.push(heading(L.attribution));
    body.push(
      ...factList(brief.attribution, b, locale, (a) => ({
        title: dateLabel(a.date, locale),
        value: `${capitalise(L.stance[a.stance])}: ${names(a.by, b, locale)}${a.to.length > 0 ? ` → ${names(a.to, b, locale)}` : ''}. ${a.text}${langNote(a.lang, locale)}`,
      })),
    );
  }
  if (brief.responses.length > 0) {
    body.push(heading(L.responses));
    body.push(
      ...factList(brief.responses, b, locale, (r) => ({
        title: dateLabel(r.date, locale),
        value: `${L.type[r.type]}: ${names(r.by, b, locale)}${r.against.length > 0 ? ` → ${names(r.against, b, locale)}` : ''}. ${r.text}${langNote(r.lang, locale)}`,
      })),
    );
  }
  if (brief.related.length > 0) {
    const shown = brief.related.slice(0, b.names).map((r) => r.name);
    const more = brief.related.length - shown.length;
    body.push(
      text(plain(`${L.related}: ${shown.join(', ')}${more > 0 ? ` ${L.more(more)}` : ''}`, 600), {
        isSubtle: true,
        spacing: 'Medium',
      }),
    );
  }

  const actions: CardAction[] = [];
  if (brief.timeline.length > 0) {
    actions.push(
      showCard(
        `${L.timeline} (${brief.timeline.length})`,
        factList(brief.timeline, { ...b, facts: b.timeline }, locale, (t) => ({
          title: dateLabel(t.date, locale),
          value: `${L.type[t.type]}: ${t.text}${langNote(t.lang, locale)}`,
        })),
      ),
    );
  }
  if (brief.incidents && brief.incidents.length > 0) {
    const roles =
      brief.locale === 'fr'
        ? { suspected: 'mis en cause', target: 'visé', responder: 'a répondu' }
        : { suspected: 'suspected', target: 'targeted', responder: 'responded' };
    actions.push(
      showCard(
        `${L.incidents} (${brief.incidents.length})`,
        factList(brief.incidents, { ...b, facts: b.incidents }, locale, (i) => ({
          title: periodLabel(i.period, locale),
          value: `${i.name} (${roles[i.role]})`,
        })),
      ),
    );
  }
  if (brief.sources.length > 0)
    actions.push(showCard(`${L.sources} (${brief.sources.length})`, sourceRows(brief.sources, b.sources, locale)));
  return card(body, actions, fallback(brief, b));
}

/** Ambiguous or not found: the title, and the candidates as buttons that fetch their brief. */
function choiceCard(brief: Brief): AdaptiveCard {
  const L = labels(brief.locale);
  const body: CardElement[] = [text(plain(brief.title, 200), { size: 'Medium', weight: 'Bolder' })];
  const candidates = (brief.candidates ?? []).slice(0, 5);
  if (candidates.length > 0) {
    body.push(text(brief.status === 'ambiguous' ? L.candidates : L.suggestions, { isSubtle: true }));
  } else if (brief.suggestions && brief.suggestions.length > 0) {
    body.push(text(plain(`${L.suggestions}: ${brief.suggestions.slice(0, 5).join(', ')}`, 600), { isSubtle: true }));
  }
  const actions = candidates.map((c) =>
    messageBack(truncate(plain(c.name, 80), 60), plain(c.name, 200), { pick: { kind: c.kind, id: c.id } }),
  );
  const fb = [brief.title, ...candidates.map((c) => c.name)].map((l) => plain(l, 200)).join('\n');
  return card(body, actions, truncate(fb, 1000));
}

function factList<T>(
  items: T[],
  b: Budget,
  locale: Locale,
  fact: (item: T) => { title: string; value: string },
): CardElement[] {
  const { head, tail, omitted } = headTail(items, b.facts);
  const toFact = (i: T) => {
    const f = fact(i);
    return { title: plain(f.title, 60), value: plain(f.value, b.factText) };
  };
  if (omitted === 0) return [factSet(head.map(toFact))];
  const out: CardElement[] = [
    factSet(head.map(toFact)),
    text(plain(`… ${labels(locale).more(omitted)} …`), { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
  if (tail.length > 0) out.push(factSet(tail.map(toFact)));
  return out;
}

export function sourceRows(sources: SourceRef[], max: number, locale: Locale): CardElement[] {
  const rows = sources.slice(0, max).map((s) => {
    const host = siteOf(s.url);
    const detail = [host, formatSourceDate(s.published, locale), s.language.toUpperCase()]
      .filter((x) => x !== '')
      .join(' · ');
    return linkRow(plain(s.title ?? host ?? s.id, 200), plain(detail, 200), s.url);
  });
  if (sources.length > max)
    rows.push(text(plain(labels(locale).more(sources.length - max)), { isSubtle: true, size: 'Small' }));
  return rows;
}

function fallback(brief: Brief, b: Budget): string {
  const L = labels(brief.locale);
  const lines = [brief.title];
  if (brief.period) lines.push(periodLabel(brief.period, brief.locale));
  if (brief.summary.length > 0) lines.push(brief.summary.join(' '));
  for (const a of brief.attribution.slice(0, b.facts))
    lines.push(`${dateLabel(a.date, brief.locale)}, ${L.stance[a.stance]}: ${a.by.map((x) => x.name).join(', ')}`);
  for (const r of brief.responses.slice(0, b.facts))
    lines.push(`${dateLabel(r.date, brief.locale)}, ${L.type[r.type]}: ${r.by.map((x) => x.name).join(', ')}`);
  return truncate(lines.map((l) => plain(l, b.summary)).join('\n'), Math.min(2000, b.summary + 600));
}

function names(refs: ActorRef[], b: Budget, locale: Locale): string {
  const shown = refs.slice(0, b.names).map((r) => r.name);
  const more = refs.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${labels(locale).more(more)}` : joinNames(shown, locale);
}

function langNote(lang: string, locale: Locale): string {
  return lang === locale ? '' : ` (${labels(locale).inLanguage(lang)})`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Source dates may be partial (`2017`, `2017-12`) or full instants from feeds. */
function formatSourceDate(published: string, locale: Locale): string {
  const day = published.slice(0, 10);
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(day) ? dateLabel(day, locale) : '';
}
