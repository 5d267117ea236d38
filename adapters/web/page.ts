import { formatDate, formatPeriod, joinNames, siteOf } from '../../src/brief/labels';
import { labels } from '../../src/brief/labels';
import type { Brief } from '../../src/domain/brief';
import type { ScreenLine } from '../../src/domain/screen';
import type { DevelopmentType } from '../../src/domain/development';
import type { Locale } from '../../src/domain/text';
import { html, type SafeHtml, trusted } from './html';
import { pageLabels } from './page-labels';
import { actorChart } from './svg/actor-chart';
import { blameChart } from './svg/blame-chart';
import { type TimelineLane, timelineChart } from './svg/timeline-chart';

export interface PageLinks {
  /** The address of another subject's page (or of this one in another language), signed like this one. */
  subject(id: string, lang: Locale): string;
  /** The stylesheet, relative to the page so a reverse proxy's path prefix is kept. */
  stylesheet: string;
}

const LANE: Record<DevelopmentType, TimelineLane> = {
  attack: 'attack',
  disclosure: 'attack',
  attribution: 'attribution',
  denial: 'denial',
  condemnation: 'response',
  sanction: 'response',
  indictment: 'response',
  summons: 'response',
  expulsion: 'response',
  policy: 'response',
  inquiry: 'other',
  statement: 'other',
  investigation: 'other',
};

/** A whole HTML document: no script, no external resource but the page's own stylesheet. */
export function documentShell(
  locale: Locale,
  title: string,
  stylesheet: string,
  body: SafeHtml,
  opts: { noindex?: boolean } = {},
): string {
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        ${opts.noindex === false ? '' : trusted('<meta name="robots" content="noindex, nofollow">')}
        <title>${title} · cyberbrief</title>
        <link rel="stylesheet" href="${stylesheet}" />
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

/**
 * The full brief of one subject as a server-rendered page: the same facts as the chat answer,
 * then everything chat leaves out (the whole timeline, the pictures, every source with its kind).
 */
export function renderBriefPage(brief: Brief, links: PageLinks, asOf: string | undefined): string {
  const locale = brief.locale;
  const L = labels(locale);
  const P = pageLabels(locale);
  const n = (id: string) => brief.sources.findIndex((s) => s.id === id) + 1;
  const cite = (ids: string[]) => {
    const nums = [...new Set(ids.map(n).filter((k) => k > 0))].sort((a, b) => a - b);
    return nums.length
      ? html` <span class="cite">${nums.map((k) => html`<a href="#source-${k}">[${k}]</a>`)}</span>`
      : '';
  };
  const names = (refs: { name: string }[]) =>
    joinNames(
      refs.map((r) => r.name),
      locale,
    );
  const langMark = (lang: string) => (lang !== locale ? html` <span class="lang">(${lang})</span>` : '');
  const subjectId = brief.subject?.id ?? '';
  const screen = brief.screen;

  const meta = [
    screen?.periodLabel || (brief.period ? formatPeriod(brief.period, locale) : undefined),
    L.sourcesCount(brief.sources.length),
  ].filter(Boolean);

  const citeNums = (nums: number[]) =>
    nums.length ? html` <span class="cite">${nums.map((k) => html`<a href="#source-${k}">[${k}]</a>`)}</span>` : '';
  const screenLine = (l: ScreenLine) =>
    html`<li class="t-${LANE[l.type]}"><time datetime="${l.start}">${l.date}</time> ${l.text}${citeNums(l.cites)}</li>`;

  // Statements generated in the reader's language when the brief has them; the raw entries otherwise.
  const attribution = screen
    ? [...screen.attribution, ...screen.denials].map(screenLine)
    : brief.attribution.map((a) => {
        const who = a.by.length ? names(a.by) : P.unnamed;
        const line =
          a.stance === 'denied'
            ? html`<strong>${who}</strong> ${P.denied}${a.to.length ? html` (${P.answering} ${names(a.to)})` : ''}`
            : html`<strong>${who}</strong> ${a.stance === 'suspected' ? P.suspected : P.attributedTo} ${names(a.to)}`;
        return html`<li><time datetime="${a.date}">${formatDate(a.date, locale)}</time> ${line}${cite(a.sources)}</li>`;
      });
  const responses = screen
    ? screen.responses.map(screenLine)
    : brief.responses.map(
        (r) =>
          html`<li>
            <time datetime="${r.date}">${formatDate(r.date, locale)}</time>
            <span class="type">${L.type[r.type]}</span> ${r.text}${langMark(r.lang)}${cite(r.sources)}
          </li>`,
      );
  const timeline = screen
    ? screen.timeline.map(screenLine)
    : brief.timeline.map(
        (t) =>
          html`<li class="t-${LANE[t.type]}">
            <time datetime="${t.date}">${formatDate(t.date, locale)}</time>
            <span class="type">${L.type[t.type]}</span> ${t.text}${langMark(t.lang)}${cite(t.sources)}
          </li>`,
      );

  const timelineSvg = timelineChart(
    screen
      ? screen.timeline.map((l) => ({ date: l.start, lane: LANE[l.type], label: l.text }))
      : brief.timeline.map((t) => ({ date: t.date, lane: LANE[t.type], label: `${L.type[t.type]}: ${t.text}` })),
    locale,
    'chart-timeline',
  );
  const blameSvg = blameChart(brief.attribution, locale, 'chart-blame');
  const actorSvg = brief.incidents?.length
    ? actorChart(
        brief.incidents.map((i) => ({ name: i.name, start: i.period.start, role: i.role })),
        locale,
        'chart-actor',
      )
    : undefined;

  const figure = (svg: SafeHtml | undefined, caption: string) =>
    svg
      ? html`<figure>
          ${svg}
          <figcaption>${caption}</figcaption>
        </figure>`
      : '';
  const section = (id: string, title: string, body: SafeHtml | string, when: boolean) =>
    when
      ? html`<section id="${id}">
          <h2>${title}</h2>
          ${body}
        </section>`
      : '';

  const sourceItems = screen
    ? screen.sources.map((x) => ({ ...x, mark: x.kindLabel, lang: x.langMark ?? x.language }))
    : brief.sources.map((x, i) => ({ ...x, n: i + 1, mark: x.kind ? P.kind[x.kind] : undefined, lang: x.language }));
  const sources = sourceItems.map((x) => {
    const title = x.title ?? siteOf(x.url) ?? x.id;
    const kind = x.mark ? html` <span class="kind kind-${x.kind ?? 'other'}">${x.mark}</span>` : '';
    const link = x.url ? html`<a href="${x.url}" rel="noopener noreferrer">${title}</a>` : html`${title}`;
    const site = x.url ? html` <span class="site">${siteOf(x.url) ?? ''}</span>` : '';
    return html`<li id="source-${x.n}">
      <span class="num">[${x.n}]</span> ${link}${kind}${site}
      <span class="meta">${formatDate(x.published, locale)} · ${x.lang}</span>
    </li>`;
  });
  const quotes = (screen?.quotes ?? []).map(
    (q) => html`<li><q lang="${q.lang}">${q.text}</q> <span class="lang">(${q.lang})</span>${citeNums(q.cites)}</li>`,
  );
  const gist = screen ? screen.gist : brief.summary;

  const body = html`<header class="top">
      <a class="brand" href="${links.subject(subjectId, locale)}">cyberbrief</a
      ><a class="switch" hreflang="${P.otherLang}" lang="${P.otherLang}" href="${links.subject(subjectId, P.otherLang)}"
        >${P.other}</a
      >
    </header>
    <main>
      <h1>${brief.title}</h1>
      <p class="period">${meta.join(' · ')}</p>
      ${section('gist', P.gist, html`${gist.map((g) => html`<p>${g}</p>`)}`, gist.length > 0)}
      ${section(
        'incidents',
        P.incidents,
        html`${figure(actorSvg, P.actorCaption)}
          <ul class="dated">
            ${(brief.incidents ?? []).map(
              (i) =>
                html`<li>
                  <time datetime="${i.period.start}">${i.period.start.slice(0, 4)}</time>
                  <a href="${links.subject(i.id, locale)}">${i.name}</a> <span class="role">${P.role[i.role]}</span>
                </li>`,
            )}
          </ul>`,
        (brief.incidents?.length ?? 0) > 0,
      )}
      ${section(
        'attribution',
        P.attribution,
        html`${figure(blameSvg, P.blameCaption)}
          <ul class="dated">
            ${attribution}
          </ul>`,
        attribution.length > 0,
      )}
      ${section(
        'responses',
        P.responses,
        html`<ul class="dated">
          ${responses}
        </ul>`,
        responses.length > 0,
      )}
      ${section(
        'timeline',
        P.timeline,
        html`${figure(timelineSvg, P.timelineCaption)}
          <ol class="dated">
            ${timeline}
          </ol>`,
        timeline.length > 0,
      )}
      ${section(
        'related',
        P.related,
        html`<ul>
          ${brief.related.map((r) => html`<li><a href="${links.subject(r.id, locale)}">${r.name}</a></li>`)}
        </ul>`,
        brief.related.length > 0 && !brief.incidents?.length,
      )}
      ${section(
        'sources',
        P.sources,
        html`<ol class="sources">
          ${sources}
        </ol>`,
        sources.length > 0,
      )}
      ${section(
        'quotes',
        P.quotes,
        html`<ul class="quotes">
          ${quotes}
        </ul>`,
        quotes.length > 0,
      )}
    </main>
    <footer>${screen?.asOfLabel ?? (asOf ? `${P.asOf} ${formatDate(asOf.slice(0, 7), locale)}` : '')}</footer>`;
  return documentShell(locale, brief.title, links.stylesheet, body);
}

/** The short page behind a refused link: why, and what to do; never any part of a brief. */
export function renderRefusalPage(
  locale: Locale,
  reason: 'missing' | 'invalid' | 'expired',
  stylesheet: string,
): string {
  const P = pageLabels(locale);
  return documentShell(
    locale,
    P.forbiddenTitle,
    stylesheet,
    html`<main>
      <h1>${P.forbiddenTitle}</h1>
      <p>${P.forbidden[reason]}</p>
    </main>`,
  );
}

export function renderNotFoundPage(locale: Locale, stylesheet: string): string {
  const P = pageLabels(locale);
  return documentShell(locale, P.notFound, stylesheet, html`<main><h1>${P.notFound}</h1></main>`);
}

/** With public pages only: every incident, newest first, and a search box that needs no script. */
export function renderIndexPage(
  locale: Locale,
  items: { id: string; name: string; start: string }[],
  query: string,
  links: PageLinks,
): string {
  const P = pageLabels(locale);
  return documentShell(
    locale,
    P.index,
    links.stylesheet,
    html`<main>
      <h1>${P.index}</h1>
      <form method="get" action="" role="search">
        <input type="hidden" name="lang" value="${locale}" /><label for="q">${P.searchLabel}</label>
        <input id="q" name="q" type="search" maxlength="200" value="${query}" />
        <button type="submit">${P.search}</button>
      </form>
      <ul class="dated">
        ${items.map(
          (i) =>
            html`<li>
              <time datetime="${i.start}">${i.start.slice(0, 4)}</time>
              <a href="${links.subject(i.id, locale)}">${i.name}</a>
            </li>`,
        )}
      </ul>
    </main>`,
    { noindex: false },
  );
}
