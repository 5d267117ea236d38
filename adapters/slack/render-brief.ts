import type { Brief } from '../../src/domain/brief';
import { labels, siteOf } from '../../src/brief/labels';
import { ACTION, type BriefRef, type BriefView, encodeRef } from './action-ids';
import {
  actions,
  button,
  type Button,
  context,
  header,
  type KnownBlock,
  section,
  type SlackMessage,
  urlButton,
} from './blocks';
import { relatedLines, showDate, showPeriod, sourceLines, timelineLines } from './brief-lines';
import type { FirstScreen, ScreenLine } from '../../src/domain/screen';
import { shortenMiddle } from '../../src/lang/shorten';
import { escapeInline, escapeMrkdwn, mentionUser, mrkdwnLink } from './escape';
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
  const screen = brief.screen;
  const blocks: KnownBlock[] = [header(screen ? screen.title : brief.title)];
  // Blocks kept for what always closes the message: buttons, the "more" note and the credit.
  const budget = LIMITS.messageBlocks - 3;
  if (view === 'summary' && screen) {
    blocks.push(...firstScreen(screen));
  } else if (view === 'summary') {
    blocks.push(context([escapeMrkdwn(showPeriod(brief.period, brief.locale))]));
    if (brief.summary.length > 0) blocks.push(section(brief.summary.map(escapeMrkdwn).join('\n\n')));
  } else {
    const title = view === 'timeline' ? L.timeline : view === 'sources' ? L.sources : L.related;
    const lines =
      view === 'timeline'
        ? screen
          ? screen.timeline.map(screenLine)
          : timelineLines(brief)
        : view === 'sources'
          ? screen
            ? screenSourceLines(screen)
            : sourceLines(brief)
          : relatedLines(brief);
    const left = fullList(blocks, title, lines, budget);
    if (view === 'related') {
      const related = brief.related.slice(0, MAX_CHOICES);
      if (related.length > 0)
        blocks.push(
          actions(
            related.map((r, i) =>
              button(
                shortenMiddle(r.name, LIMITS.buttonText),
                ACTION.open(i),
                encodeRef({ k: 'incident', id: r.id, l: brief.locale, q: r.name }),
              ),
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
  if (view !== 'timeline' && brief.timeline.length > 0)
    buttons.push(button(L.timeline, ACTION.show('timeline'), value));
  if (view !== 'sources' && brief.sources.length > 0) buttons.push(button(L.sources, ACTION.show('sources'), value));
  if (view !== 'related' && (brief.related.length > 0 || (brief.incidents?.length ?? 0) > 0))
    buttons.push(button(L.related, ACTION.show('related'), value));
  if (opts.ephemeral && view === 'summary')
    buttons.push(button(S.post, ACTION.post, JSON.stringify({ ...ref, v: view }), 'primary'));
  const full = screen?.links?.full;
  if (full && view === 'summary') buttons.push(urlButton(L.fullBrief, ACTION.full, full));
  if (buttons.length > 0) blocks.push(actions(buttons, 'brief_actions'));
  if (opts.sharedBy) blocks.push(context([S.sharedBy(mentionUser(opts.sharedBy))]));
  return { text: fallback(brief), blocks: blocks.slice(0, LIMITS.messageBlocks) };
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
            candidateLabel(c.name, c.detail),
            ACTION.open(i),
            encodeRef({ k: c.kind, id: c.id, l: brief.locale, q: brief.query.slice(0, 200) }),
          ),
        ),
        'brief_choices',
      ),
    );
  }
  if (brief.status === 'not_found')
    blocks.push(actions([button(S.helpButton, ACTION.help, brief.locale)], 'brief_help'));
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

/** The first screen: kind and period, the gist, who attributed and who denied, the responses, how current. */
function firstScreen(screen: FirstScreen): KnownBlock[] {
  const L = labels(screen.locale);
  const out: KnownBlock[] = [];
  out.push(context([escapeMrkdwn([screen.kindLabel, screen.periodLabel].filter((x) => x !== '').join(' · '))]));
  if (screen.gist.length > 0) out.push(section(escapeMrkdwn(screen.gist.join(' '))));
  if (screen.incidents && screen.incidents.length > 0) {
    const more = screen.more.incidents > 0 ? ` _${escapeMrkdwn(L.more(screen.more.incidents))}_` : '';
    out.push(
      section(
        `*${escapeMrkdwn(L.incidents)}*\n${screen.incidents.map((i) => `${escapeInline(i.name)} (${i.year}, ${escapeMrkdwn(i.role)})`).join(' · ')}${more}`,
      ),
    );
  }
  const facts = [...screen.attribution, ...screen.denials];
  if (facts.length > 0) out.push(section(`*${escapeMrkdwn(L.attribution)}*\n${facts.map(screenLine).join('\n')}`));
  if (screen.responses.length > 0)
    out.push(section(`*${escapeMrkdwn(L.responses)}*\n${screen.responses.map(screenLine).join('\n')}`));
  if (screen.asOfLabel) out.push(context([escapeMrkdwn(screen.asOfLabel)]));
  return out;
}

/** A dated statement with its date in bold: "*19–20 Dec 2017* — ... [2][3]". */
export function screenLine(l: ScreenLine): string {
  if (l.kind === 'denial' || !l.line.startsWith(l.date)) return escapeMrkdwn(l.line);
  return `*${escapeMrkdwn(l.date)}*${escapeMrkdwn(l.line.slice(l.date.length))}`;
}

/** "[1] <url|title> · 19 Dec 2017 · official (fr)", then the article sentences quoted with their language. */
export function screenSourceLines(screen: FirstScreen): string[] {
  const L = labels(screen.locale);
  const lines = screen.sources.map((s) => {
    const title = s.title ?? siteOf(s.url) ?? s.id;
    const meta = [showDate(s.published.slice(0, 10), screen.locale), s.kindLabel].filter((x) => x);
    const lang = s.langMark ? ` (${escapeMrkdwn(s.langMark)})` : '';
    return `[${s.n}] ${mrkdwnLink(s.url, title)} · ${escapeMrkdwn(meta.join(' · '))}${lang}`;
  });
  if (screen.quotes.length > 0) {
    lines.push(`*${escapeMrkdwn(L.quotes)}*`);
    for (const q of screen.quotes)
      lines.push(`> ${escapeInline(q.text)} _(${escapeMrkdwn(q.lang)})_ ${q.cites.map((n) => `[${n}]`).join('')}`);
  }
  return lines;
}

/** "Cyberattack on Ukra…wer grid (2015) · Incident · 2015": the start and the distinguishing end stay. */
function candidateLabel(name: string, detail: string | undefined): string {
  const tail = detail ? ` · ${detail}` : '';
  return `${shortenMiddle(name, LIMITS.buttonText - [...tail].length)}${tail}`;
}
