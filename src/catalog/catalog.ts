import type { Actor, ActorRef } from '../domain/actor';
import { compareDates } from '../domain/dates';
import type { Development } from '../domain/development';
import type { Incident } from '../domain/incident';
import type { Source } from '../domain/source';
import type { Locale } from '../domain/text';

export interface CatalogInput {
  actors: Iterable<Actor>;
  incidents: Iterable<{ incident: Incident; developments: Development[] }>;
  sources: Iterable<Source>;
}

/**
 * Everything cyberbrief knows, in memory, with the indexes the briefs need. Briefs are composed
 * from here, never from the store directly: that is what keeps a lookup within milliseconds.
 */
export class Catalog {
  readonly actors = new Map<string, Actor>();
  readonly incidents = new Map<string, Incident>();
  readonly sources = new Map<string, Source>();
  /** Developments stored with each incident (their first incident). */
  private readonly owned = new Map<string, Development[]>();
  /** Every development that concerns an incident, including those stored with another one. */
  private readonly byIncident = new Map<string, Development[]>();
  /** Incident ids in which an actor appears (suspected, target, or by/against of a development). */
  private readonly byActor = new Map<string, Set<string>>();
  private devCount = 0;

  constructor(input?: CatalogInput) {
    if (!input) return;
    for (const a of input.actors) this.actors.set(a.id, a);
    for (const s of input.sources) this.sources.set(s.id, s);
    for (const { incident, developments } of input.incidents) this.putIncident(incident, developments);
  }

  get developmentCount(): number {
    return this.devCount;
  }

  putActor(actor: Actor): void {
    this.actors.set(actor.id, actor);
  }

  putSource(source: Source): void {
    this.sources.set(source.id, source);
  }

  /** Replaces an incident and the developments stored with it. */
  putIncident(incident: Incident, developments: Development[]): void {
    const previous = this.owned.get(incident.id) ?? [];
    for (const d of previous) for (const id of d.incidents) this.remove(this.byIncident, id, d);
    this.devCount -= previous.length;
    this.incidents.set(incident.id, incident);
    this.owned.set(incident.id, developments);
    this.devCount += developments.length;
    for (const d of developments) {
      for (const id of d.incidents) {
        const list = this.byIncident.get(id) ?? [];
        list.push(d);
        this.byIncident.set(id, list);
      }
      for (const a of [...d.by, ...d.against]) for (const id of d.incidents) this.link(a, id);
    }
    for (const a of [...incident.suspected, ...incident.targets]) this.link(a, incident.id);
  }

  incident(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  /** The developments stored with the incident (what must be written back with it). */
  ownedDevelopments(incidentId: string): Development[] {
    return this.owned.get(incidentId) ?? [];
  }

  /** Every development about the incident, oldest first. */
  developmentsOf(incidentId: string): Development[] {
    return [...(this.byIncident.get(incidentId) ?? [])].sort((a, b) => compareDates(a.date, b.date));
  }

  incidentsOfActor(actorId: string): Incident[] {
    const ids = this.byActor.get(actorId) ?? new Set<string>();
    return [...ids].map((id) => this.incidents.get(id)).filter((i): i is Incident => i !== undefined);
  }

  *allDevelopments(): Iterable<Development> {
    for (const list of this.owned.values()) yield* list;
  }

  actorRef(id: string, locale: Locale): ActorRef {
    const a = this.actors.get(id);
    return a ? { id, kind: a.kind, name: a.name[locale] } : { id, kind: guessKind(id), name: id };
  }

  private link(actorId: string, incidentId: string): void {
    const set = this.byActor.get(actorId) ?? new Set<string>();
    set.add(incidentId);
    this.byActor.set(actorId, set);
  }

  private remove(map: Map<string, Development[]>, key: string, d: Development): void {
    const list = map.get(key);
    if (!list) return;
    const i = list.indexOf(d);
    if (i >= 0) list.splice(i, 1);
  }
}

function guessKind(id: string): ActorRef['kind'] {
  if (/^[A-Z]{2}$/.test(id)) return 'state';
  if (/^G\d{4}$/.test(id)) return 'group';
  if (/^[a-z]/.test(id)) return 'person';
  return 'organisation';
}
