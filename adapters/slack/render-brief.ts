import type { Brief } from '../../src/domain/brief';
import { labels } from '../../src/brief/labels';
import { ACTION, type BriefRef, type BriefView, encodeRef } from './action-ids';
import {
  actions,
  button,
  type Button,
  context,
  fields,
  header,
  type KnownBlock,
  section,
  type SlackMessage,
} from './blocks';
import { attributionFields, relatedLines, showPeriod, sourceLines, timelineLines } from './brief-lines';
import { escapeMrkdwn, mentionUser } from './escape';
import { fitMrkdwn, LIMITS } from './limits';
import { strings } from './strings';

export interface BriefRenderOptions {
  /** Which part is shown in full; `summary` (the default) shows a little of everything. */
  view?: BriefView;
  /** An ephemeral reply offers "Post to channel"; a posted one does not. */
  ephemeral: boolean;
  /** The user who posted it to the channel, credited under the brief. */
  sharedBy?: string;
}

/** How many entries the summary view shows of each list before the expand buttons. */
const SHORT = { timeline: 5, sources: 3, incidents: 5 };
/** Most buttons shown for candidates or related incidents: more is a wall on a phone. */
const MAX_CHOICES = 10;

export function refOf(brief: Brief): BriefRef | undefined {
  return brief.subject
    ? { k: brief.subject.kind, id: brief.subject.id, l: brief.locale, q: brief.query.slice(0, 200) }
    : undefined;
}

/** Renders any Brief (found, ambiguous, not found) as one Slack message, inside Slack's limits. */
export function renderBrief(brief: Brief, opts: BriefRenderOptions): SlackMessage {
  if (brief.status !== 'found' || !brief.subject) return renderChoices(brief);
  const L = labels(brief.locale);
  const S = strings(brief.locale);
  const view = opts.view ?? 'summary';
  const ref = refOf(brief)!;
  const blocks: KnownBlock[] = [header(brief.title)];
  const meta = [showPeriod(brief.period, brief.locale), L.sourcesCount(brief.sources.length)];
  if (brief.subject.actorKind) meta.push(L.kind[brief.subject.actorKind]);
  blocks.push(
    context([
      meta
        .filter((m) => m !== '')
        .map(escapeMrkdwn)
        .join(' · '),
    ]),
  );
  if (brief.summary.length > 0) blocks.push(section(brief.summary.map(escapeMrkdwn).join('\n\n')));

  // Blocks kept for what always closes the message: buttons, the "more" note and the credit.
  const budget = LIMITS.messageBlocks - 3;
  if (view === 'summary') {
    const f = attributionFields(brief);
    if (f.length > 0) blocks.push(fields(f));
    if (brief.incidents && brief.incidents.length > 0) {
      const lines = relatedLines(brief);
      blocks.push(
        listSection(L.incidents, lines.slice(0, SHORT.incidents), Math.max(0, lines.length - SHORT.incidents), brief),
      );
    }
    if (brief.timeline.length > 0) {
      const { shown, hidden } = shortTimeline(brief);
      blocks.push(listSection(L.timeline, shown, hidden, brief));
    }
    if (brief.sources.length > 0) {
      const shown = sourceLines(brief, brief.sources.slice(0, SHORT.sources)).map((l) => l.replace(/^• /, ''));
      const more = brief.sources.length - shown.length;
      blocks.push(context([[...shown, ...(more > 0 ? [`_${escapeMrkdwn(L.more(more))}_`] : [])].join(' · ')]));
    }
  } else {
    const title = view === 'timeline' ? L.timeline : view === 'sources' ? L.sources : L.related;
    const lines =
      view === 'timeline' ? timelineLines(brief) : view === 'sources' ? sourceLines(brief) : relatedLines(brief);
    const left = fullList(blocks, title, lines, budget);
    if (view === 'related') {
      const related = brief.related.slice(0, MAX_CHOICES);
      if (related.length > 0)
        blocks.push(
          actions(
            related.map((r, i) =>
              button(r.name, ACTION.open(i), encodeRef({ k: 'incident', id: r.id, l: brief.locale, q: r.name })),
            ),
          ),
        );
    }
    if (left > 0)
      blocks.push(
        context([
          `_${escapeMrkdwn(L.more(left))}_ · ${escapeMrkdwn(S.fullBrief(`cyberbrief brief ${brief.subject.id}`))}`,
        ]),
      );
  }

  const buttons: Button[] = [];
  const value = encodeRef({ ...ref, ...(opts.sharedBy ? { by: opts.sharedBy } : {}) });
  if (view !== 'summary') buttons.push(button(S.summary, ACTION.show('summary'), value));
  if (view !== 'timeline' && brief.timeline.length > 0)
    buttons.push(button(L.timeline, ACTION.show('timeline'), value));
  if (view !== 'sources' && brief.sources.length > 0) buttons.push(button(L.sources, ACTION.show('sources'), value));
  if (view !== 'related' && (brief.related.length > 0 || (brief.incidents?.length ?? 0) > 0))
    buttons.push(button(L.related, ACTION.show('related'), value));
  if (opts.ephemeral) buttons.push(button(S.post, ACTION.post, JSON.stringify({ ...ref, v: view }), 'primary'));
  if (buttons.length > 0) blocks.push(actions(buttons, 'brief_actions'));
  if (opts.sharedBy) blocks.push(context([S.sharedBy(mentionUser(opts.sharedBy))]));
  return { text: fallback(brief), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

/** The first entry says when it began; the last ones say where it stands now. Returns the lines and how many were left out. */
function shortTimeline(brief: Brief): { shown: string[]; hidden: number } {
  const t = brief.timeline;
  if (t.length <= SHORT.timeline) return { shown: timelineLines(brief), hidden: 0 };
  const [first, ...last] = timelineLines(brief, [t[0]!, ...t.slice(t.length - (SHORT.timeline - 1))]);
  return { shown: [first!, '⋮', ...last], hidden: t.length - SHORT.timeline };
}

function listSection(title: string, shown: string[], hidden: number, brief: Brief): KnownBlock {
  const more = hidden > 0 ? `\n_${escapeMrkdwn(labels(brief.locale).more(hidden))}_` : '';
  return section(`*${escapeMrkdwn(title)}*\n${fitMrkdwn(shown.join('\n'), LIMITS.sectionText - 200)}${more}`);
}

/** Appends a titled list in as many sections as the block budget allows; returns how many lines were left out. */
function fullList(blocks: KnownBlock[], title: string, lines: string[], budget: number): number {
  let chunk = `*${escapeMrkdwn(title)}*`;
  let shown = 0;
  let pending = 0;
  for (const raw of lines) {
    const line = fitMrkdwn(raw, LIMITS.sectionText);
    if (chunk.length + 1 + line.length <= LIMITS.sectionText) {
      chunk = chunk === '' ? line : `${chunk}\n${line}`;
      pending++;
      continue;
    }
    if (blocks.length >= budget) return lines.length - shown;
    blocks.push(section(chunk));
    shown += pending;
    chunk = line;
    pending = 1;
  }
  if (chunk !== '' && blocks.length < budget) {
    blocks.push(section(chunk));
    shown += pending;
  }
  return lines.length - shown;
}

function renderChoices(brief: Brief): SlackMessage {
  const S = strings(brief.locale);
  const L = labels(brief.locale);
  const candidates = (brief.candidates ?? []).slice(0, MAX_CHOICES);
  const blocks: KnownBlock[] = [header(brief.title)];
  if (brief.status === 'ambiguous') blocks.push(section(escapeMrkdwn(S.pick)));
  else {
    const ask = candidates.length > 0 ? `${escapeMrkdwn(L.candidates)}${brief.locale === 'fr' ? ' ?' : '?'}\n` : '';
    blocks.push(section(`${ask}${escapeMrkdwn(S.notFoundHint)}`));
  }
  if (candidates.length > 0) {
    blocks.push(
      actions(
        candidates.map((c, i) =>
          button(
            c.name,
            ACTION.open(i),
            encodeRef({ k: c.kind, id: c.id, l: brief.locale, q: brief.query.slice(0, 200) }),
          ),
        ),
        'brief_choices',
      ),
    );
  }
  const names = candidates.map((c) => c.name);
  const text = names.length > 0 ? `${brief.title}: ${names.join(', ')}` : `${brief.title}. ${S.notFoundHint}`;
  return { text: fitMrkdwn(escapeMrkdwn(text), LIMITS.fallbackText), blocks };
}

/** What notifications, previews and screen readers get: title, period and first sentence. */
function fallback(brief: Brief): string {
  const period = showPeriod(brief.period, brief.locale);
  const first = brief.summary[0] ?? '';
  return fitMrkdwn(
    escapeMrkdwn(`${brief.title}${period ? ` (${period})` : ''}${first ? `: ${first}` : ''}`),
    LIMITS.fallbackText,
  );
}
