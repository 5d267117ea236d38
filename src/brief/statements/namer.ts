import type { Catalog } from '../../catalog/catalog';
import type { Incident, IncidentType } from '../../domain/incident';
import type { Locale } from '../../domain/text';
import { incidentForms, nameForms } from '../../lang/articles';
import type { Namer } from './phrase';

/**
 * An incident's proper name when it has one both languages use and no actor bears ("WannaCry",
 * "NotPetya"); descriptive names ("Hack of the German Bundestag") are named with their article.
 */
export function properName(catalog: Catalog, incident: Incident): string | undefined {
  const actorNames = actorNameSet(catalog);
  return incident.aliases.find((a) => {
    if (a.length < 4 || !incident.name.en.includes(a) || !incident.name.fr.includes(a)) return false;
    // "Viasat's KA-SAT" names a thing the incident hit, not the incident.
    if (incident.name.en.includes(`'s ${a}`)) return false;
    const lower = a.toLowerCase();
    for (const n of actorNames)
      if (n.startsWith(lower) || lower.startsWith(n) || lower.split(/\s+/).includes(n)) return false;
    return true;
  });
}

const ACTOR_NAMES = new WeakMap<Catalog, { revision: number; names: Set<string> }>();
function actorNameSet(catalog: Catalog): Set<string> {
  const hit = ACTOR_NAMES.get(catalog);
  if (hit && hit.revision === catalog.revision) return hit.names;
  const names = new Set<string>();
  for (const a of catalog.actors.values()) {
    if (a.kind === 'state' || a.kind === 'person') continue;
    names.add(a.name.en.toLowerCase());
    names.add(a.name.fr.toLowerCase());
  }
  ACTOR_NAMES.set(catalog, { revision: catalog.revision, names });
  return names;
}

const GENERIC: Partial<Record<IncidentType, Record<Locale, string>>> = {
  ransomware: { en: 'attack', fr: 'attaque' },
  wiper: { en: 'attack', fr: 'attaque' },
  sabotage: { en: 'attack', fr: 'attaque' },
  ddos: { en: 'attacks', fr: 'attaques' },
  espionage: { en: 'espionage campaign', fr: "campagne d'espionnage" },
  intrusion: { en: 'intrusion', fr: 'intrusion' },
  'supply-chain': { en: 'compromise', fr: 'compromission' },
  'hack-and-leak': { en: 'hack and leak', fr: 'piratage' },
  'election-interference': { en: 'interference', fr: 'ingérence' },
  'data-breach': { en: 'breach', fr: 'vol de données' },
  disinformation: { en: 'disinformation campaign', fr: 'campagne de désinformation' },
};

/** Names actors and incidents from the catalog, each once per answer. */
export function catalogNamer(catalog: Catalog, locale: Locale, subject?: string): Namer {
  const actors = new Map<string, ReturnType<Namer['actor']>>();
  const incidents = new Map<string, ReturnType<Namer['incident']>>();
  return {
    locale,
    subject,
    actor(id) {
      let hit = actors.get(id);
      if (!hit) {
        const ref = catalog.actorRef(id, locale);
        const a = catalog.actors.get(id);
        const state = a?.kind === 'state' ? id : a?.country;
        hit = { forms: nameForms(ref.name, ref.kind, locale), kind: ref.kind, ...(state ? { state } : {}) };
        actors.set(id, hit);
      }
      return hit;
    },
    isResponse(id) {
      const t = catalog.incident(id)?.type;
      return t === 'sanctions' || t === 'policy';
    },
    incident(id) {
      let hit = incidents.get(id);
      if (!hit) {
        const inc = catalog.incident(id);
        const proper = inc ? properName(catalog, inc) : undefined;
        // Under its own title an incident without a proper name is "the attack", not its full title again.
        const generic = inc && !proper && id === subject ? GENERIC[inc.type]?.[locale] : undefined;
        hit = generic
          ? incidentForms(generic, false, locale)
          : incidentForms(proper ?? inc?.name[locale] ?? id, proper !== undefined || !inc, locale);
        incidents.set(id, hit);
      }
      return hit;
    },
  };
}
