import { joinNames, labels } from '../../src/brief/labels';
import { dateLabel } from './cards/dates';
import type { ActorRef } from '../../src/domain/actor';
import type { Digest } from '../../src/domain/digest';
import type { Locale } from '../../src/domain/text';
import { type Budget, fitCard } from './cards/budget';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  container,
  factSet,
  openUrl,
  safeUrl,
  showCard,
  text,
} from './cards/elements';
import { plain, truncate } from './cards/plain-text';
import { messages } from './messages';
import type { RenderedCard } from './render-brief';
import { sourceRows } from './render-brief';

export interface DigestRenderOptions {
  /** The subscription's IANA zone: the period reads in the channel's local time. */
  timeZone?: string;
  /** The signed address of an incident's full brief page, when the deployment serves pages. */
  linkOf?: (incidentId: string) => string | undefined;
}

/** The whole digest in one card: incidents with their developments, sources behind a button. */
export function renderDigest(digest: Digest, opts: DigestRenderOptions = {}): RenderedCard {
  const L = labels(digest.locale);
  const total = digest.incidents.reduce((n, i) => n + i.developments.length, 0);
  const summary = plain(
    `${L.digestTitle}: ${messages(digest.locale).digestCounts(total + digest.more, digest.incidents.length)}`,
    200,
  );
  return { card: fitCard((b) => digestCard(digest, b, opts)), summary };
}

/**
 * The top-level post of a channel digest: what the period holds at a glance. The details follow
 * as a reply in its thread (DESIGN.md: one headline message, details in its thread).
 */
export function renderDigestHeadline(digest: Digest, opts: DigestRenderOptions = {}): RenderedCard {
  const L = labels(digest.locale);
  const M = messages(digest.locale);
  const total = digest.incidents.reduce((n, i) => n + i.developments.length, 0) + digest.more;
  const body: CardElement[] = [
    text(L.digestTitle, { size: 'Large', weight: 'Bolder' }),
    text(plain(periodText(digest, opts), 200), { isSubtle: true, spacing: 'None' }),
    text(plain(M.digestCounts(total, digest.incidents.length), 200)),
  ];
  const top = digest.incidents.slice(0, 5);
  if (top.length > 0) {
    body.push(
      factSet(
        top.map((i) => ({
          title: plain(String(i.developments.length), 10),
          value: plain(
            `${i.incident.name}: ${[...new Set(i.developments.map((d) => L.type[d.type]))].join(', ')}`,
            200,
          ),
        })),
      ),
    );
  }
  if (digest.incidents.length > top.length)
    body.push(text(plain(L.more(digest.incidents.length - top.length)), { isSubtle: true, size: 'Small' }));
  body.push(text(M.detailsBelow, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  const fb = [
    L.digestTitle,
    periodText(digest, opts),
    M.digestCounts(total, digest.incidents.length),
    ...top.map((i) => i.incident.name),
  ]
    .map((l) => plain(l, 200))
    .join('\n');
  return {
    card: card(body, [], truncate(fb, 1200)),
    summary: plain(`${L.digestTitle}: ${M.digestCounts(total, digest.incidents.length)}`, 200),
  };
}

/** The one-line note an empty period gets when a subscription asks for it. */
export function renderNote(note: string, locale: Locale): RenderedCard {
  const L = labels(locale);
  const line = plain(note, 500);
  return { card: card([text(L.digestTitle, { weight: 'Bolder' }), text(line)], [], line), summary: line };
}

function digestCard(digest: Digest, b: Budget, opts: DigestRenderOptions): AdaptiveCard {
  const L = labels(digest.locale);
  const locale = digest.locale;
  const body: CardElement[] = [
    text(L.digestTitle, { size: 'Large', weight: 'Bolder' }),
    text(plain(periodText(digest, opts), 200), { isSubtle: true, spacing: 'None' }),
  ];
  if (digest.incidents.length === 0) body.push(text(L.nothingNew));

  // The developments budget is shared by all incidents, in the digest's (ranked) order.
  let room = b.timeline;
  let left = digest.more;
  let incidentsShown = 0;
  for (const group of digest.incidents) {
    if (incidentsShown >= b.incidents || room <= 0) {
      left += group.developments.length;
      continue;
    }
    incidentsShown++;
    const shown = group.developments.slice(0, Math.max(1, Math.min(room, b.facts)));
    room -= shown.length;
    left += group.developments.length - shown.length;
    const facts = shown.map((d) => ({
      title: plain(dateLabel(d.date, locale), 60),
      value: plain(
        `${L.type[d.type]}: ${actors(d.by, d.against, b, locale)}${d.text}${d.lang === locale ? '' : ` (${L.inLanguage(d.lang)})`}`,
        b.factText,
      ),
    }));
    const link = safeUrl(opts.linkOf?.(group.incident.id));
    body.push(
      container([text(plain(group.incident.name, 200), { weight: 'Bolder' }), factSet(facts)], {
        separator: true,
        spacing: 'Medium',
        // The whole group opens the incident's full brief page.
        ...(link ? { selectAction: openUrl(labels(digest.locale).fullBrief, link) } : {}),
      }),
    );
  }
  if (left > 0) body.push(text(plain(L.more(left)), { isSubtle: true, spacing: 'Medium' }));

  const actions =
    digest.sources.length > 0
      ? [showCard(`${L.sources} (${digest.sources.length})`, sourceRows(digest.sources, b.sources, locale))]
      : [];
  return card(body, actions, fallback(digest, b, opts));
}

function actors(by: ActorRef[], against: ActorRef[], b: Budget, locale: Locale): string {
  const n = (refs: ActorRef[]) =>
    joinNames(
      refs.slice(0, b.names).map((r) => r.name),
      locale,
    );
  if (by.length === 0 && against.length === 0) return '';
  if (against.length === 0) return `${n(by)}. `;
  if (by.length === 0) return `→ ${n(against)}. `;
  return `${n(by)} → ${n(against)}. `;
}

function periodText(digest: Digest, opts: DigestRenderOptions): string {
  const tag = digest.locale === 'fr' ? 'fr-FR' : 'en-GB';
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: opts.timeZone ?? 'UTC' });
  } catch {
    fmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  }
  const at = (iso: string) => {
    const t = Date.parse(iso);
    return Number.isFinite(t) ? fmt.format(t) : iso;
  };
  return `${at(digest.since)} – ${at(digest.until)}`;
}

function fallback(digest: Digest, b: Budget, opts: DigestRenderOptions): string {
  const L = labels(digest.locale);
  const lines = [L.digestTitle, periodText(digest, opts)];
  for (const group of digest.incidents.slice(0, b.incidents)) {
    lines.push(group.incident.name);
    for (const d of group.developments.slice(0, Math.min(3, b.facts)))
      lines.push(`${dateLabel(d.date, digest.locale)}, ${L.type[d.type]}: ${d.text}`);
  }
  return truncate(lines.map((l) => plain(l, b.factText)).join('\n'), 2000);
}
