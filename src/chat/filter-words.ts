import type { SubscriptionFilters } from '../domain/subscription';

/** A subscription's filters as the words `subscribe` reads back (`actor:CN type:sanction`), for every surface. */
export function filterWords(f: SubscriptionFilters): string[] {
  return [
    ...f.incidents.map((x) => `incident:${x}`),
    ...f.actors.map((x) => `actor:${x}`),
    ...f.countries.map((x) => `country:${x}`),
    ...f.types.map((x) => `type:${x}`),
    ...(f.minSignificance > 0 ? [`min:${f.minSignificance}`] : []),
  ];
}
