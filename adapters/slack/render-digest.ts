import type { Digest } from '../../src/domain/digest';
import type { Locale } from '../../src/domain/text';
import { joinNames, labels } from '../../src/brief/labels';
import { developmentCount, digestHeadline } from '../../src/digest/headline';
import { context, header, type KnownBlock, section, type SlackMessage } from './blocks';
import { langNote, showDate } from './brief-lines';
import { escapeInline, escapeMrkdwn, mrkdwnLink } from './escape';
import { fitMrkdwn, LIMITS } from './limits';
import { strings } from './strings';

/**
 * A digest reaches a channel as a short headline (what a notification and the channel show) with
 * the details in its thread: a channel that gets one every weekday stays readable, and people who
 * care open the thread. The split also keeps each message well inside Slack's 50-block limit.
 */
export interface RenderedDigest {
  headline: SlackMessage;
  thread: SlackMessage[];
}

export interface DigestRenderOptions {
  /** The subscription's zone, so "since" is the reader's calendar day. */
  timeZone?: string;
  /** Most thread messages per digest: beyond, entries are counted in the closing "more" note. */
  maxThreadMessages?: number;
  /** The signed address of an incident's full brief page, when the deployment serves pages. */
  linkOf?: (incidentId: string) => string | undefined;
}

const TOP_IN_HEADLINE = 5;
const SOURCES_PER_ENTRY = 2;

export function renderDigest(digest: Digest, opts: DigestRenderOptions = {}): RenderedDigest {
  const locale = digest.locale;
  const L = labels(locale);
  const S = strings(locale);
  const devCount = developmentCount(digest);
  const since = sinceDay(digest.since, locale, opts.timeZone);
  const counts = `${S.digestCounts(devCount, digest.incidents.length)}${since ? ` ${S.digestPeriod(since)}` : ''}`;
  const top = digest.incidents
    .slice(0, TOP_IN_HEADLINE)
    .map((i) => `*${escapeInline(i.incident.name)}* (${i.developments.length})`);
  const restIncidents = digest.incidents.length - top.length;
  if (restIncidents > 0) top.push(`_${escapeMrkdwn(L.more(restIncidents))}_`);
  const headlineBlocks: KnownBlock[] = [
    header(L.digestTitle),
    section(`${escapeMrkdwn(counts)}\n${top.join(' · ')}`),
    context([escapeMrkdwn(S.detailsInThread)]),
  ];
  // The notification line is the core's, so Slack and Teams announce a digest in the same words.
  const headline: SlackMessage = {
    text: fitMrkdwn(escapeMrkdwn(digestHeadline(digest)), LIMITS.fallbackText),
    blocks: headlineBlocks,
  };
  return { headline, thread: threadMessages(digest, opts.maxThreadMessages ?? 5, opts.linkOf) };
}

function threadMessages(
  digest: Digest,
  maxMessages: number,
  linkOf?: (incidentId: string) => string | undefined,
): SlackMessage[] {
  const locale = digest.locale;
  const sources = new Map(digest.sources.map((s) => [s.id, s]));
  const messages: SlackMessage[] = [];
  let blocks: KnownBlock[] = [];
  let names: string[] = [];
  let left = 0;
  // One block is kept in the last message for the closing "more" note.
  const perMessage = LIMITS.messageBlocks - 1;
  const flush = () => {
    if (blocks.length === 0) return;
    messages.push({ text: fitMrkdwn(escapeMrkdwn(names.join(', ')), LIMITS.fallbackText), blocks });
    blocks = [];
    names = [];
  };
  for (const group of digest.incidents) {
    const lines = group.developments.map((d) => entryLine(d, locale, sources));
    const link = linkOf?.(group.incident.id);
    let chunk = link ? `*${mrkdwnLink(link, group.incident.name)}*` : `*${escapeInline(group.incident.name)}*`;
    let pending = 0;
    const push = (): boolean => {
      if (blocks.length >= perMessage) flush();
      if (messages.length >= maxMessages) return false;
      blocks.push(section(chunk));
      if (!names.includes(group.incident.name)) names.push(group.incident.name);
      return true;
    };
    let placed = 0;
    let stopped = false;
    for (const line of lines) {
      if (chunk.length + 1 + line.length <= LIMITS.sectionText) {
        chunk = `${chunk}\n${line}`;
        pending++;
        continue;
      }
      if (!push()) {
        stopped = true;
        break;
      }
      placed += pending;
      chunk = line;
      pending = 1;
    }
    if (!stopped && push()) placed += pending;
    left += group.developments.length - placed;
  }
  const more = digest.more + left;
  if (more > 0) {
    const note = context([escapeMrkdwn(strings(locale).digestMore(more))]);
    if (blocks.length === 0 && messages.length > 0) messages[messages.length - 1]!.blocks.push(note);
    else blocks.push(note);
  }
  flush();
  return messages;
}

function entryLine(
  d: Digest['incidents'][number]['developments'][number],
  locale: Locale,
  sources: Map<string, Digest['sources'][number]>,
): string {
  const L = labels(locale);
  const by =
    d.by.length > 0
      ? ` · ${escapeMrkdwn(
          joinNames(
            d.by.map((a) => a.name),
            locale,
          ),
        )}`
      : '';
  const against =
    d.against.length > 0
      ? ` → ${escapeMrkdwn(
          joinNames(
            d.against.map((a) => a.name),
            locale,
          ),
        )}`
      : '';
  const cited = d.sources
    .map((id) => sources.get(id))
    .filter((s) => s !== undefined)
    .slice(0, SOURCES_PER_ENTRY)
    .map((s) => mrkdwnLink(s.url, s.title ?? s.url ?? s.id));
  const extra = d.sources.length - cited.length;
  const cite = cited.length > 0 ? ` · ${cited.join(', ')}${extra > 0 ? ` +${extra}` : ''}` : '';
  const line = `• *${escapeMrkdwn(showDate(d.date, locale))}* · ${escapeMrkdwn(L.type[d.type])}${by}${against}: ${escapeInline(d.text)}${langNote(d.lang, locale)}${cite}`;
  return fitMrkdwn(line, LIMITS.sectionText - 200);
}

function sinceDay(iso: string, locale: Locale, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  try {
    return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: timeZone ?? 'UTC',
    }).format(t);
  } catch {
    return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(t);
  }
}
