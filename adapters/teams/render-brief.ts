import { joinNames, labels, siteOf } from '../../src/brief/labels';
import { dateLabel, periodLabel } from './cards/dates';
import type { ActorRef } from '../../src/domain/actor';
import type { Brief, SourceRef } from '../../src/domain/brief';
import type { FirstScreen, ScreenLine } from '../../src/domain/screen';
import { shortenMiddle } from '../../src/lang/shorten';
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
  openUrl,
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
  const screen = brief.screen;
  if (screen) return { card: fitCard((b) => screenCard(brief, screen, b)), summary };
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

/**
 * The first screen, laid out: title, kind and period, gist, who attributed and who denied, the
 * responses, how current. Timeline, Sources and Related open below it (Action.ShowCard) for
 * whoever clicks, without a round trip.
 */
function screenCard(brief: Brief, screen: FirstScreen, b: Budget): AdaptiveCard {
  const L = labels(screen.locale);
  const body: CardElement[] = [text(plain(screen.title, 200), { size: 'Large', weight: 'Bolder' })];
  const meta = [screen.kindLabel, screen.periodLabel].filter((x) => x !== '').join(' · ');
  body.push(text(plain(meta, 300), { isSubtle: true, spacing: 'None' }));
  if (screen.gist.length > 0) body.push(text(plain(screen.gist.join(' '), b.summary)));
  if (screen.incidents && screen.incidents.length > 0) {
    const more = screen.more.incidents > 0 ? ` ${L.more(screen.more.incidents)}` : '';
    body.push(heading(L.incidents));
    body.push(
      text(plain(`${screen.incidents.map((i) => `${i.name} (${i.year}, ${i.role})`).join(' · ')}${more}`, 600), {
        spacing: 'Small',
      }),
    );
  }
  const facts = [...screen.attribution, ...screen.denials];
  if (facts.length > 0) {
    body.push(heading(L.attribution));
    body.push(...facts.map((l) => lineBlock(l)));
  }
  if (screen.responses.length > 0) {
    body.push(heading(L.responses));
    body.push(...screen.responses.map((l) => lineBlock(l)));
  }
  if (screen.asOfLabel) body.push(text(plain(screen.asOfLabel), { isSubtle: true, size: 'Small', spacing: 'Medium' }));

  const actions: CardAction[] = [];
  if (screen.timeline.length > 0)
    actions.push(
      showCard(
        L.timeline,
        screen.timeline.slice(0, b.timeline).map((l) => lineBlock(l)),
      ),
    );
  if (screen.sources.length > 0) actions.push(showCard(L.sources, screenSources(screen, b.sources)));
  if (screen.related.length > 0)
    actions.push(
      showCard(
        L.related,
        screen.related
          .slice(0, b.incidents)
          .map((r) => text(plain(`${r.name} · ${r.label}`, 300), { spacing: 'Small' })),
      ),
    );
  if (screen.links?.full) actions.push(openUrl(L.fullBrief, screen.links.full));
  return card(body, actions, fallback(brief, b));
}

/** One dated statement, its citations at its end. */
function lineBlock(l: ScreenLine): CardElement {
  // Citations are the project's own "[n]"; only the statement goes through plain().
  const cites = l.cites.map((n) => `[${n}]`).join('');
  const stated = l.line.endsWith(cites) ? l.line.slice(0, l.line.length - cites.length).trimEnd() : l.line;
  const t = plain(stated, 600);
  return text(cites ? `${t} ${cites}` : t, { spacing: 'Small' });
}

function screenSources(screen: FirstScreen, max: number): CardElement[] {
  const L = labels(screen.locale);
  const rows = screen.sources.slice(0, max).map((s) => {
    const host = siteOf(s.url);
    const detail = [formatSourceDate(s.published, screen.locale), s.kindLabel, s.langMark ? `(${s.langMark})` : '']
      .filter((x) => x)
      .join(' · ');
    return linkRow(`[${s.n}] ${plain(s.title ?? host ?? s.id, 200)}`, plain(detail, 200), s.url);
  });
  if (screen.sources.length > max)
    rows.push(text(plain(L.more(screen.sources.length - max)), { isSubtle: true, size: 'Small' }));
  if (screen.quotes.length > 0) {
    rows.push(text(L.quotes, { weight: 'Bolder', spacing: 'Medium' }));
    for (const q of screen.quotes.slice(0, 10))
      rows.push(
        text(plain(`“${q.text}” (${q.lang}) ${q.cites.map((n) => `[${n}]`).join('')}`, 400), {
          isSubtle: true,
          size: 'Small',
        }),
      );
  }
  return rows;
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
  const actions = candidates.map((c) => {
    const tail = c.detail ? ` · ${c.detail}` : '';
    const label = `${shortenMiddle(plain(c.name, 200), 60 - [...tail].length)}${tail}`;
    return messageBack(label, plain(c.name, 200), { pick: { kind: c.kind, id: c.id } });
  });
  // Teams shows five actions at most: the help button replaces the last candidate.
  if (brief.status === 'not_found') actions.splice(4, actions.length, messageBack(L.help, 'help', { help: true }));
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
