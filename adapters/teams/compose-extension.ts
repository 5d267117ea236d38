import {
  type Attachment,
  CardFactory,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { z } from 'zod';
import { labels } from '../../src/brief/labels';
import { periodLabel } from './cards/dates';
import type { Candidate } from '../../src/domain/brief';
import type { Locale } from '../../src/domain/text';
import type { BriefingService } from '../../src/service/briefing-service';
import { card, text } from './cards/elements';
import { plain } from './cards/plain-text';
import { cardAttachment } from './bot/replies';
import { renderBrief } from './render-brief';

/** What a result's tap sends back with `composeExtension/selectItem`. */
const SelectValue = z.object({
  cyberbrief: z.object({ pick: z.object({ kind: z.enum(['incident', 'actor']), id: z.string().min(1).max(200) }) }),
});

const RESULTS = 10;

/**
 * `composeExtension/query`: the search box. Typing "wanna" lists matching incidents (then
 * actors) as light previews; the full brief card is built only for the one the user picks.
 */
export function composeQuery(
  briefing: BriefingService,
  query: MessagingExtensionQuery,
  locale: Locale,
): MessagingExtensionResponse {
  const typed = String(query.parameters?.find((p) => p.name === 'query')?.value ?? '').trim();
  const candidates = typed === '' ? recentIncidents(briefing, locale) : briefing.complete(typed, locale, RESULTS);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: candidates.map((c) => resultItem(briefing, c, locale)),
    },
  };
}

/** `composeExtension/selectItem`: the brief card Teams inserts into the compose box. */
export function composeSelect(briefing: BriefingService, value: unknown, locale: Locale): MessagingExtensionResponse {
  const parsed = SelectValue.safeParse(value);
  const pick = parsed.success ? parsed.data.cyberbrief.pick : undefined;
  const rendered = renderBrief(pick ? briefing.briefForRef(pick, locale) : briefing.brief('', locale));
  const attachment: Attachment & { preview?: Attachment } = {
    ...cardAttachment(rendered.card),
    preview: thumbnail(rendered.summary, '', undefined),
  };
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [attachment] } };
}

function resultItem(briefing: BriefingService, c: Candidate, locale: Locale): Attachment & { preview?: Attachment } {
  const subtitle = describe(briefing, c, locale);
  const title = plain(c.name, 120);
  const content = card(
    [text(title, { weight: 'Bolder' }), text(plain(subtitle, 200), { isSubtle: true, spacing: 'None' })],
    [],
    plain(`${c.name} ${subtitle}`, 300),
  );
  return {
    ...cardAttachment(content),
    preview: thumbnail(title, plain(subtitle, 200), { cyberbrief: { pick: { kind: c.kind, id: c.id } } }),
  };
}

function describe(briefing: BriefingService, c: Candidate, locale: Locale): string {
  const L = labels(locale);
  if (c.kind === 'incident') {
    const incident = briefing.data.incident(c.id);
    return incident ? periodLabel(incident.period, locale) : '';
  }
  const actor = briefing.actor(c.id);
  return actor ? L.kind[actor.kind] : '';
}

/** Newest incidents first, for the empty search box (the command's `initialRun`). */
function recentIncidents(briefing: BriefingService, locale: Locale): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const item of briefing.latest(locale, 40)) {
    if (seen.has(item.incident.id) || !briefing.data.incident(item.incident.id)) continue;
    seen.add(item.incident.id);
    out.push({ id: item.incident.id, kind: 'incident', name: item.incident.name, score: 0 });
    if (out.length >= RESULTS) break;
  }
  return out;
}

/** Hero and thumbnail cards accept some markup in Teams; their text is neutralised like a card's. */
function thumbnail(title: string, subtitle: string, tapValue: Record<string, unknown> | undefined): Attachment {
  const content: Record<string, unknown> = { title, text: subtitle };
  if (tapValue) content.tap = { type: 'invoke', title, value: tapValue };
  return { contentType: CardFactory.contentTypes.thumbnailCard, content };
}
