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
      // By id only: a page address is never a search, so an unknown id is a 404, not a guess.
      const catalog = app.briefing.data;
      if (catalog.incident(id)) return app.briefing.briefForRef({ kind: 'incident', id }, locale);
      if (catalog.actors.has(id)) return app.briefing.briefForRef({ kind: 'actor', id }, locale);
      return undefined;
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
