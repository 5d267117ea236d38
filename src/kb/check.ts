import { endOf, startOf } from '../domain/dates';
import type { KnowledgeBase } from './types';
import { normalize } from '../text/normalize';

/**
 * Consistency rules the zod schemas cannot express alone: every id points at something,
 * no alias names two incidents, and dates run forward. Returns one line per problem.
 */
export function checkKnowledgeBase(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const actorIds = new Set(kb.actors.map((a) => a.id));
  const incidentIds = new Set(kb.incidents.map((i) => i.id));
  const sourceIds = new Set(kb.sources.map((s) => s.id));

  const seenActor = new Set<string>();
  for (const a of kb.actors) {
    if (seenActor.has(a.id)) problems.push(`actor ${a.id}: defined twice`);
    seenActor.add(a.id);
    if (a.country && !actorIds.has(a.country)) problems.push(`actor ${a.id}: unknown country ${a.country}`);
    if (a.parent && !actorIds.has(a.parent)) problems.push(`actor ${a.id}: unknown parent ${a.parent}`);
  }

  const aliasOwner = new Map<string, string>();
  const seenIncident = new Set<string>();
  for (const inc of kb.incidents) {
    if (seenIncident.has(inc.id)) problems.push(`incident ${inc.id}: defined twice`);
    seenIncident.add(inc.id);
    for (const id of [...inc.targets, ...inc.suspected]) {
      if (!actorIds.has(id)) problems.push(`incident ${inc.id}: unknown actor id ${id}`);
    }
    for (const id of inc.related) {
      if (!incidentIds.has(id)) problems.push(`incident ${inc.id}: unknown related incident ${id}`);
    }
    if (inc.period.end && endOf(inc.period.end) < startOf(inc.period.start)) {
      problems.push(`incident ${inc.id}: period ends (${inc.period.end}) before it starts (${inc.period.start})`);
    }
    for (const alias of new Set([inc.name.en, inc.name.fr, ...inc.aliases].map(normalize))) {
      const owner = aliasOwner.get(alias);
      if (owner && owner !== inc.id) problems.push(`alias "${alias}" is claimed by both ${owner} and ${inc.id}`);
      aliasOwner.set(alias, inc.id);
    }
  }

  const startById = new Map(kb.incidents.map((i) => [i.id, i.period.start]));
  for (const d of kb.developments) {
    for (const id of [...d.by, ...d.against]) {
      if (!actorIds.has(id)) problems.push(`development ${d.id}: unknown actor id ${id}`);
    }
    for (const id of d.incidents) {
      if (!incidentIds.has(id)) problems.push(`development ${d.id}: unknown incident ${id}`);
    }
    for (const id of d.sources) {
      if (!sourceIds.has(id)) problems.push(`development ${d.id}: unknown source ${id}`);
    }
    const home = startById.get(d.incidents[0] ?? '');
    // A development may predate its incident's start only within the same year or month it names:
    // "2017" for a development of an incident starting 2017-05 is fine, 2016 is not.
    if (home && endOf(d.date) < startOf(home)) {
      problems.push(`development ${d.id}: dated ${d.date}, before its incident starts (${home})`);
    }
    if ((d.type === 'attribution' || d.type === 'denial') && !d.stance) {
      problems.push(`development ${d.id}: ${d.type} without a stance`);
    }
  }
  return problems;
}
