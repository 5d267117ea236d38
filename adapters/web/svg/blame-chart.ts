import { formatDate } from '../../../src/brief/labels';
import type { ActorRef } from '../../../src/domain/actor';
import type { PartialDate } from '../../../src/domain/dates';
import type { Stance } from '../../../src/domain/development';
import type { Locale } from '../../../src/domain/text';
import { html, type SafeHtml } from '../html';

export interface BlameEntry {
  date: PartialDate;
  stance: Stance;
  by: ActorRef[];
  to: ActorRef[];
}

const MAX_ROWS = 12;

interface Node {
  ref: ActorRef;
  first: PartialDate;
  denied?: PartialDate;
}

function earlier(a: PartialDate, b: PartialDate): PartialDate {
  return a <= b ? a : b;
}

/**
 * Who blamed whom: attributing states and bodies on the left, accused states and groups on the
 * right, a line for each accusation (solid when formal, dashed when only suspected) and, on the
 * accused side, the date each one denied it. A denial never draws an arrow: it is a mark on the denier.
 */
export function blameChart(entries: BlameEntry[], locale: Locale, id: string): SafeHtml | undefined {
  const accusers = new Map<string, Node>();
  const accused = new Map<string, Node>();
  const edges = new Map<string, { from: string; to: string; stance: Stance; date: PartialDate }>();
  for (const e of entries) {
    if (e.stance === 'denied') continue;
    for (const b of e.by) {
      const n = accusers.get(b.id);
      accusers.set(b.id, { ref: b, first: n ? earlier(n.first, e.date) : e.date });
      for (const t of e.to) {
        const m = accused.get(t.id);
        accused.set(t.id, { ref: t, first: m ? earlier(m.first, e.date) : e.date, denied: m?.denied });
        const key = `${b.id}>${t.id}`;
        const old = edges.get(key);
        // A formal attribution outranks an earlier suspicion by the same party.
        if (!old || (old.stance === 'suspected' && e.stance === 'attributed'))
          edges.set(key, { from: b.id, to: t.id, stance: e.stance, date: old ? earlier(old.date, e.date) : e.date });
      }
    }
  }
  if (edges.size === 0) return undefined;
  for (const e of entries) {
    if (e.stance !== 'denied') continue;
    for (const d of e.by) {
      const n = accused.get(d.id);
      if (n) n.denied = n.denied ? earlier(n.denied, e.date) : e.date;
      else accused.set(d.id, { ref: d, first: e.date, denied: e.date });
    }
  }
  const left = [...accusers.values()].sort((a, b) => a.first.localeCompare(b.first)).slice(0, MAX_ROWS);
  const right = [...accused.values()].sort((a, b) => a.first.localeCompare(b.first)).slice(0, MAX_ROWS);
  const hiddenLeft = accusers.size - left.length;
  const hiddenRight = accused.size - right.length;
  const width = 480;
  const rowH = 26;
  const top = 34;
  const rows = Math.max(left.length + (hiddenLeft > 0 ? 1 : 0), right.length + (hiddenRight > 0 ? 1 : 0));
  const height = top + rows * rowH + 10;
  const lx = 196;
  const rx = 290;
  const yOf = (list: Node[], nodeId: string) => top + list.findIndex((n) => n.ref.id === nodeId) * rowH + rowH / 2;
  const fr = locale === 'fr';
  const deniedWord = fr ? 'a démenti' : 'denied';
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  const lines = [...edges.values()]
    .filter((e) => left.some((n) => n.ref.id === e.from) && right.some((n) => n.ref.id === e.to))
    .map(
      (e) =>
        html`<line
          x1="${lx + 6}"
          y1="${yOf(left, e.from)}"
          x2="${rx - 12}"
          y2="${yOf(right, e.to)}"
          stroke="#0072B2"
          stroke-width="1.6"
          ${e.stance === 'suspected' ? html` stroke-dasharray="5 4"` : ''}
          marker-end="url(#${id}-arrow)"
          ><title>
            ${e.stance === 'suspected' ? (fr ? 'soupçonne' : 'suspected') : fr ? 'attribue à' : 'attributed to'} ·
            ${formatDate(e.date, locale)}
          </title></line
        >`,
    );
  const leftNodes = left.map(
    (n, i) =>
      html`<text x="${lx}" y="${top + i * rowH + rowH / 2 + 4}" font-size="13" text-anchor="end" fill="#222"
        ><title>${n.ref.name} · ${formatDate(n.first, locale)}</title>${cut(n.ref.name, 20)}
        <tspan fill="#666" font-size="11">${n.first.slice(0, 7)}</tspan></text
      >`,
  );
  const rightNodes = right.map(
    (n, i) =>
      html`<text x="${rx}" y="${top + i * rowH + rowH / 2 + 4}" font-size="13" fill="#222"
        ><title>${n.ref.name}${n.denied ? ` · ${deniedWord} ${formatDate(n.denied, locale)}` : ''}</title
        >${cut(n.ref.name, 18)}${n.denied ? html` <tspan fill="#555" font-size="11">◇ ${n.denied.slice(0, 7)}</tspan>` : ''}</text
      >`,
  );
  const more = (n: number, x: number, anchor: string, count: number) =>
    n > 0
      ? html`<text x="${x}" y="${top + count * rowH + rowH / 2 + 4}" font-size="12" text-anchor="${anchor}" fill="#666"
          >${fr ? `et ${n} de plus` : `and ${n} more`}</text
        >`
      : '';
  const title = fr ? 'Qui a accusé qui' : 'Who blamed whom';
  const desc = [...edges.values()]
    .map((e) => {
      const from = accusers.get(e.from)?.ref.name ?? e.from;
      const to = accused.get(e.to)?.ref.name ?? e.to;
      const verb = e.stance === 'suspected' ? (fr ? 'soupçonne' : 'suspected') : fr ? 'a mis en cause' : 'blamed';
      return `${from} ${verb} ${to} (${formatDate(e.date, locale)})`;
    })
    .concat(
      [...accused.values()]
        .filter((n) => n.denied)
        .map((n) => `${n.ref.name} ${deniedWord} (${formatDate(n.denied as string, locale)})`),
    )
    .join('; ');
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="chart blame"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    font-family="system-ui, sans-serif"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${desc}.</desc>
    <defs>
      <marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
        <path d="M0 0L10 5L0 10Z" fill="#0072B2" />
      </marker>
    </defs>
    <text x="${lx}" y="18" font-size="12" text-anchor="end" fill="#444" font-weight="bold">
      ${fr ? 'Ont accusé' : 'Blamed by'}
    </text>
    <text x="${rx}" y="18" font-size="12" fill="#444" font-weight="bold">${fr ? 'Mis en cause' : 'Accused'}</text>
    ${lines}${leftNodes}${rightNodes}${more(hiddenLeft, lx, 'end', left.length)}${more(hiddenRight, rx, 'start', right.length)}
  </svg>`;
}
