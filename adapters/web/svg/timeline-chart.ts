import type { PartialDate } from '../../../src/domain/dates';
import { formatDate } from '../../../src/brief/labels';
import type { Locale } from '../../../src/domain/text';
import { html, type SafeHtml } from '../html';
import { timeScale, yearFraction } from './scale';

export type TimelineLane = 'attack' | 'attribution' | 'denial' | 'response' | 'other';

export interface TimelineMark {
  date: PartialDate;
  lane: TimelineLane;
  /** What happened, as the page's text says it (the mark's text alternative). */
  label: string;
}

/** One shape and colour per lane (Okabe–Ito colours, told apart without colour by their shape). */
const LANES: { lane: TimelineLane; colour: string; en: string; fr: string }[] = [
  { lane: 'attack', colour: '#D55E00', en: 'Attack', fr: 'Attaque' },
  { lane: 'attribution', colour: '#0072B2', en: 'Attribution', fr: 'Attribution' },
  { lane: 'denial', colour: '#555555', en: 'Denial', fr: 'Démenti' },
  { lane: 'response', colour: '#009E73', en: 'Response', fr: 'Réponse' },
  { lane: 'other', colour: '#8E5A9B', en: 'Other', fr: 'Autre' },
];

export function shape(lane: TimelineLane, x: number, y: number, colour: string): SafeHtml {
  const r = 6;
  const f = (n: number) => n.toFixed(1);
  switch (lane) {
    case 'attack':
      return html`<circle cx="${f(x)}" cy="${f(y)}" r="${r}" fill="${colour}" />`;
    case 'attribution':
      return html`<path d="M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y + r)}H${f(x - r - 1)}Z" fill="${colour}" />`;
    case 'denial':
      return html`<path
        d="M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y)}L${f(x)} ${f(y + r + 1)}L${f(x - r - 1)} ${f(y)}Z"
        fill="#fff"
        stroke="${colour}"
        stroke-width="2"
      />`;
    case 'response':
      return html`<rect x="${f(x - r)}" y="${f(y - r)}" width="${2 * r}" height="${2 * r}" fill="${colour}" />`;
    default:
      return html`<circle cx="${f(x)}" cy="${f(y)}" r="${r - 1}" fill="#fff" stroke="${colour}" stroke-width="2" />`;
  }
}

/**
 * The incident's story on one dated axis: one lane per kind of development, each mark with its date
 * and text as a tooltip and text alternative. Drawn as plain SVG on the server (no script, no font).
 */
export function timelineChart(marks: TimelineMark[], locale: Locale, id: string): SafeHtml | undefined {
  if (marks.length === 0) return undefined;
  const lanes = LANES.filter((l) => marks.some((m) => m.lane === l.lane));
  const width = 520;
  const left = 104;
  const right = width - 16;
  const laneH = 30;
  const top = 10;
  const height = top + lanes.length * laneH + 30;
  const years = marks.map((m) => yearFraction(m.date));
  const scale = timeScale(Math.min(...years), Math.max(...years), left + 10, right - 10, locale);
  const first = marks.reduce((a, b) => (yearFraction(a.date) <= yearFraction(b.date) ? a : b));
  const last = marks.reduce((a, b) => (yearFraction(a.date) >= yearFraction(b.date) ? a : b));
  const desc =
    locale === 'fr'
      ? `${marks.length} événements du ${formatDate(first.date, locale)} au ${formatDate(last.date, locale)} : ${lanes.map((l) => `${l.fr.toLowerCase()} (${marks.filter((m) => m.lane === l.lane).length})`).join(', ')}.`
      : `${marks.length} events from ${formatDate(first.date, locale)} to ${formatDate(last.date, locale)}: ${lanes.map((l) => `${l.en.toLowerCase()} (${marks.filter((m) => m.lane === l.lane).length})`).join(', ')}.`;
  const title = locale === 'fr' ? 'Chronologie de l’incident' : 'Timeline of the incident';
  const axisY = top + lanes.length * laneH + 4;

  const rows = lanes.map((l, i) => {
    const y = top + i * laneH + laneH / 2;
    // Marks within a few pixels of each other in one lane are nudged up and down so none hides another.
    const placed: number[] = [];
    const items = marks
      .filter((m) => m.lane === l.lane)
      .map((m) => {
        const x = scale.x(yearFraction(m.date));
        const near = placed.filter((p) => Math.abs(p - x) < 9).length;
        placed.push(x);
        const dy = near === 0 ? 0 : (near % 2 === 1 ? -1 : 1) * Math.min(9, 4 * Math.ceil(near / 2));
        return html`<g class="mark"
          ><title>${formatDate(m.date, locale)} — ${m.label}</title>${shape(l.lane, x, y + dy, l.colour)}</g
        >`;
      });
    return html`<g class="lane"
      ><line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#e3e3e3" />${shape(l.lane, 10, y, l.colour)}<text
        x="24"
        y="${y + 4}"
        font-size="13"
        fill="#222"
        >${locale === 'fr' ? l.fr : l.en}</text
      >${items}</g
    >`;
  });
  const ticks = scale.ticks.map(
    (t) =>
      html`<g
        ><line
          x1="${scale.x(t.at).toFixed(1)}"
          x2="${scale.x(t.at).toFixed(1)}"
          y1="${top}"
          y2="${axisY}"
          stroke="#f0f0f0"
        /><text x="${scale.x(t.at).toFixed(1)}" y="${axisY + 16}" font-size="12" text-anchor="middle" fill="#444"
          >${t.label}</text
        ></g
      >`,
  );
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="chart timeline"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    font-family="system-ui, sans-serif"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${desc}</desc>
    ${ticks}
    <line x1="${left}" x2="${right}" y1="${axisY}" y2="${axisY}" stroke="#888" />
    ${rows}
  </svg>`;
}
