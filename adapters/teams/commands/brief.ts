import { actorBrief, incidentBrief } from '../../../src/brief/compose';
import type { Brief } from '../../../src/domain/brief';
import type { Locale } from '../../../src/domain/text';
import type { BriefingService } from '../../../src/service/briefing-service';
import type { CommandContext, CommandRouter, Pick } from '../bot/router';
import { renderBrief } from '../render-brief';
import { helpCard } from './help';

/** The brief of a subject chosen exactly (a card button, the compose extension), without a search. */
export function briefOf(briefing: BriefingService, pick: Pick, locale: Locale, query: string): Brief | undefined {
  const data = briefing.data;
  if (pick.kind === 'incident') {
    const incident = data.incident(pick.id);
    return incident ? incidentBrief(data, incident, query, locale) : undefined;
  }
  const actor = data.actors.get(pick.id);
  return actor ? actorBrief(data, actor, query, locale) : undefined;
}

/** Anything that is not a command is a lookup: `cyberbrief wannacry`, or just `wannacry`. */
export function register(router: CommandRouter): void {
  const lookup = async (c: CommandContext): Promise<void> => {
    const query = c.args.trim();
    const picked = c.pick ? briefOf(c.deps.briefing, c.pick, c.locale, query || c.pick.id) : undefined;
    if (!picked && query === '') return c.reply(helpCard(c.locale));
    await c.reply(renderBrief(picked ?? c.deps.briefing.brief(query, c.locale)));
  };
  router.command(['brief', 'fiche'], lookup);
  router.fallback(lookup);
}
