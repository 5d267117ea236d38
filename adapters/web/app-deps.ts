import { actorBrief, incidentBrief } from '../../src/brief/compose';
import type { App } from '../root';
import type { WebPageDeps } from './mount';

/** The pages' view of the running app: briefs by subject id, the incident index, "as of". */
export function webPageDeps(app: App, links: NonNullable<App['links']>): WebPageDeps {
  let asOf: string | undefined;
  for (const d of app.kb.developments) if (!asOf || d.date > asOf) asOf = d.date;
  return {
    links,
    log: app.log,
    defaultLocale: app.config.CYBERBRIEF_LANG,
    asOf: () => asOf,
    briefOf(id, locale) {
      const catalog = app.briefing.data;
      const incident = catalog.incident(id);
      if (incident) return incidentBrief(catalog, incident, id, locale);
      const actor = catalog.actors.get(id);
      return actor ? actorBrief(catalog, actor, id, locale) : undefined;
    },
    incidents(query, locale) {
      const catalog = app.briefing.data;
      const q = query.trim().toLowerCase();
      const ids = q
        ? app.briefing
            .complete(q, locale, 50)
            .filter((c) => c.kind === 'incident')
            .map((c) => c.id)
        : [...catalog.incidents.keys()];
      return ids
        .map((id) => catalog.incident(id))
        .filter((i) => i !== undefined)
        .map((i) => ({ id: i.id, name: i.name[locale], start: i.period.start }))
        .sort((a, b) => b.start.localeCompare(a.start));
    },
  };
}
