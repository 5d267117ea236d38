import type { Catalog } from '../catalog/catalog';
import type { DevelopmentType } from '../domain/development';
import { type Locale, pickText } from '../domain/text';

export interface LatestItem {
  incident: { id: string; name: string };
  type: DevelopmentType;
  date: string;
  text: string;
  lang: string;
  recordedAt: string;
  sources: { id: string; url?: string; title?: string }[];
}

/** The developments most recently recorded, newest first. */
export function composeLatest(catalog: Catalog, locale: Locale, limit: number): LatestItem[] {
  const top: { recordedAt: string; d: ReturnType<Catalog['allDevelopments']> extends Iterable<infer D> ? D : never }[] =
    [];
  for (const d of catalog.allDevelopments()) {
    if (d.backfill) continue;
    if (top.length < limit || d.recordedAt > top[top.length - 1]!.recordedAt) {
      top.push({ recordedAt: d.recordedAt, d });
      top.sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : -1));
      if (top.length > limit) top.pop();
    }
  }
  return top.map(({ d }) => {
    const inc = catalog.incident(d.incidents[0] ?? '');
    const { text, lang } = pickText(d.text, locale);
    return {
      incident: { id: d.incidents[0] ?? '', name: inc?.name[locale] ?? d.incidents[0] ?? '' },
      type: d.type,
      date: d.date,
      text,
      lang,
      recordedAt: d.recordedAt,
      sources: d.sources
        .map((id) => catalog.sources.get(id))
        .filter((s) => s !== undefined)
        .map((s) => ({ id: s.id, url: s.url, title: s.title })),
    };
  });
}
