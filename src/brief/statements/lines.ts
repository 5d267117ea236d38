import type { Catalog } from '../../catalog/catalog';
import type { DevelopmentType } from '../../domain/development';
import type { ScreenLine, ScreenSource } from '../../domain/screen';
import type { Locale } from '../../domain/text';
import { frenchSpacing } from '../../lang/french-typography';
import { labels } from '../labels';
import { shortRange } from './dates';
import type { Fact } from './merge';
import { type Namer, phrase } from './phrase';

/** Responses a diplomat weighs first. */
export const RESPONSE_RANK: Partial<Record<DevelopmentType, number>> = {
  sanction: 0,
  indictment: 1,
  expulsion: 2,
  summons: 3,
  condemnation: 4,
  policy: 5,
  inquiry: 6,
  statement: 7,
};

/** Numbers sources in the order the answer first cites them. */
export class Citations {
  private readonly order: string[] = [];
  private readonly voice = new Map<string, string>();
  constructor(private readonly catalog: Catalog) {}
  cite(ids: readonly string[], voiceOf?: string): number[] {
    const out: number[] = [];
    for (const id of ids) {
      if (!this.catalog.sources.has(id)) continue;
      let i = this.order.indexOf(id);
      if (i < 0) {
        this.order.push(id);
        i = this.order.length - 1;
      }
      if (voiceOf && !this.voice.has(id)) this.voice.set(id, voiceOf);
      if (!out.includes(i + 1)) out.push(i + 1);
    }
    return out.sort((a, b) => a - b);
  }
  list(locale: Locale, nameOf: (id: string) => string): ScreenSource[] {
    const L = labels(locale);
    return this.order.map((id, i) => {
      const s = this.catalog.sources.get(id)!;
      const voice = this.voice.get(id);
      const kindLabel = s.kind
        ? s.kind === 'state-media'
          ? L.stateMediaOf(voice ? nameOf(voice) : undefined)
          : L.sourceKind[s.kind]
        : undefined;
      return {
        n: i + 1,
        id,
        ...(s.url ? { url: s.url } : {}),
        ...(s.title ? { title: s.title } : {}),
        published: s.published,
        language: s.language,
        ...(s.kind ? { kind: s.kind } : {}),
        ...(kindLabel ? { kindLabel } : {}),
        ...(s.language !== locale ? { langMark: s.language } : {}),
      };
    });
  }
}

const cites = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

export function toLine(f: Fact, n: Namer, c: Citations): ScreenLine {
  const date = shortRange(f.start, f.end, n.locale);
  const text = tidy(phrase(f, n), n.locale);
  const voice = f.by.map((id) => n.actor(id).state).find((s) => s !== undefined);
  const ns = c.cite(f.sources, voice);
  const kind: ScreenLine['kind'] =
    f.type === 'denial'
      ? 'denial'
      : f.type === 'attribution'
        ? f.stance === 'suspected'
          ? 'suspicion'
          : 'attribution'
        : RESPONSE_RANK[f.type] !== undefined
          ? 'response'
          : 'event';
  const tail = ns.length > 0 ? ` ${cites(ns)}` : '';
  const line = kind === 'denial' ? `${text} (${date})${tail}` : `${date} — ${text}${tail}`;
  return { kind, type: f.type, start: f.start, end: f.end, date, text, merged: f.ids.length, cites: ns, line };
}

export function tidy(text: string, locale: Locale): string {
  return locale === 'fr' ? frenchSpacing(text) : text;
}
