import type { Locale } from '../domain/text';
import type { BriefingService } from '../service/briefing-service';
import type { SubjectRef } from './chat-request';

type Briefing = Pick<BriefingService, 'data' | 'brief'>;

/**
 * A name to an incident or actor, the same for lookups, subscription filters (`actor:fr`) and
 * buttons. An exact id wins (`fr` is France, `FR` as typed or upper-cased; `wannacry` the
 * incident), then the search index decides (`lazarus`, `chine`, `notpetya`). `kind` restricts
 * the answer: `actor:wannacry` resolves to nothing rather than to an incident.
 */
export function resolveSubject(
  briefing: Briefing,
  name: string,
  locale: Locale,
  kind?: SubjectRef['kind'],
): SubjectRef | undefined {
  const typed = name.trim();
  if (typed === '') return undefined;
  const catalog = briefing.data;
  if (kind !== 'incident')
    for (const id of [typed, typed.toUpperCase()]) if (catalog.actors.get(id)) return { kind: 'actor', id };
  if (kind !== 'actor' && catalog.incident(typed.toLowerCase())) return { kind: 'incident', id: typed.toLowerCase() };
  const b = briefing.brief(typed, locale);
  if (b.status !== 'found' || !b.subject) return undefined;
  if (kind !== undefined && b.subject.kind !== kind) return undefined;
  return { kind: b.subject.kind, id: b.subject.id };
}
