import type { Draft } from './developments/read-sentence';
import type { TriggerHit } from './developments/triggers';
import type { Mention } from './entities';
import type { Lexicon } from './lexicon/lexicon';
import type { Sentence } from './text/sentences';
import type { Token } from './text/tokens';

/** One sentence of an article as the pipeline reads it. */
export interface Reading {
  s: Sentence;
  index: number;
  tokens: Token[];
  mentions: Mention[];
  triggers: TriggerHit[];
  drafts: Draft[];
  linked: string[][];
  /** Attacks named only as the object of an act ("accusent X d'avoir mené des cyberattaques contre Y"): words to name a new incident. */
  events: { start: number; end: number }[];
}

/**
 * Picks, for a name two actors share, the one the rest of the article points at; a body's short
 * name ("Treasury", "Foreign Ministry") stands only in an article that names its state.
 */
export function resolveAmbiguous(readings: Reading[], lex: Lexicon): void {
  const seen = new Map<string, number>();
  for (const r of readings) {
    for (const m of r.mentions) {
      if (m.alternatives || m.kind === 'derived' || m.incident) continue;
      seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
      const a = lex.actors.get(m.id);
      if (a?.country && a.country !== m.id)
        seen.set(`country:${a.country}`, (seen.get(`country:${a.country}`) ?? 0) + 1);
    }
  }
  const stateSupport = (country: string | undefined) =>
    country ? (seen.get(country) ?? 0) + (seen.get(`country:${country}`) ?? 0) : 0;
  const support = (id: string) => {
    const a = lex.actors.get(id);
    return (seen.get(id) ?? 0) * 2 + stateSupport(a?.country) + (a?.parent ? (seen.get(a.parent) ?? 0) : 0);
  };
  for (const r of readings) {
    r.mentions = r.mentions.filter((m) => {
      if (m.incident) return true;
      const options = [m.id, ...(m.alternatives ?? [])];
      if (m.kind === 'derived') {
        const backed = options.filter((id) => stateSupport(lex.actors.get(id)?.country) > 0);
        if (backed.length === 0) return false;
        m.id = backed.sort((a, b) => support(b) - support(a))[0] as string;
        return true;
      }
      if (m.alternatives) m.id = options.sort((a, b) => support(b) - support(a))[0] as string;
      return true;
    });
  }
}

/** The council of ministers of an organisation (the EU's), found in the knowledge base by name. */
export function councilFinder(lex: Lexicon): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (id: string) => {
    if (cache.has(id)) return cache.get(id);
    const org = lex.actors.get(id);
    let found: string | undefined;
    if (org?.kind === 'organisation') {
      for (const a of lex.actors.values()) {
        if (a.parent !== id || a.kind !== 'organisation') continue;
        if (/^(council of|conseil de)/i.test(a.name.en) || /^conseil de/i.test(a.name.fr)) {
          found = a.id;
          break;
        }
      }
    }
    cache.set(id, found);
    return found;
  };
}

/** "a indiqué le Conseil": a bare "Council" in an article about an organisation with one means that council. */
export function addBareCouncils(readings: Reading[], lex: Lexicon): void {
  const councilOf = councilFinder(lex);
  const councils = new Set<string>();
  for (const r of readings)
    for (const m of r.mentions)
      if (!m.incident) {
        const c = councilOf(m.id);
        if (c) councils.add(c);
      }
  if (councils.size !== 1) return;
  const council = [...councils][0] as string;
  for (const r of readings) {
    r.tokens.forEach((t, i) => {
      if (!t.cap || (t.norm !== 'conseil' && t.norm !== 'council')) return;
      const prev = r.tokens[i - 1];
      if (!prev || !/^(le|the|du|au)$/.test(prev.norm)) return;
      if (r.mentions.some((m) => i >= m.start && i < m.end)) return;
      const next = r.tokens[i + 1];
      if (next?.word && next.cap) return;
      r.mentions.push({
        id: council,
        incident: false,
        kind: 'alias',
        start: i,
        end: i + 1,
        role: 'actor',
        prep: prev.norm === 'du' ? 'de' : prev.norm === 'au' ? 'a' : undefined,
      });
      r.mentions.sort((a, b) => a.start - b.start);
    });
  }
}

/**
 * "ces accusations" takes the target of the last attribution; a request with no author
 * ("Borrell est invité à expliquer") the last person or body who spoke in the sentences before.
 */
export function inheritParties(readings: Reading[], lex: Lexicon): void {
  let lastAgainst: string[] = [];
  readings.forEach((r, idx) => {
    for (const d of r.drafts) {
      if (d.inheritsAgainst && d.against.length === 0) d.against = lastAgainst.filter((id) => !d.by.includes(id));
      if (d.inheritsBy && d.by.length === 0) {
        for (let k = idx; k >= Math.max(0, idx - 3) && d.by.length === 0; k--) {
          const prev = readings[k] as Reading;
          const speaker = prev.mentions.find((m) => {
            const kind = lex.actors.get(m.id)?.kind;
            return (
              !m.incident &&
              m.role === 'actor' &&
              (kind === 'person' || kind === 'organisation') &&
              !d.against.includes(m.id) &&
              (k < idx || m.start < d.trigger.start) &&
              (m.prep === undefined || m.prep === 'par')
            );
          });
          if (speaker) d.by = [speaker.id];
        }
      }
      if (d.type === 'attribution' && d.against.length > 0) lastAgainst = d.against;
    }
  });
}
