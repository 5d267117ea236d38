import type { PartialDate } from '../../../src/domain/dates';
import type { Locale } from '../../../src/domain/text';
import { html, type SafeHtml } from '../html';
import { timeScale, yearFraction } from './scale';
import { shape, type TimelineLane } from './timeline-chart';

export type ActorRole = 'suspected' | 'target' | 'responder';

export interface ActorIncident {
  name: string;
  start: PartialDate;
  role: ActorRole;
}

const ROLES: { role: ActorRole; lane: TimelineLane; colour: string; en: string; fr: string }[] = [
  { role: 'suspected', lane: 'attribution', colour: '#0072B2', en: 'Accused', fr: 'Mis en cause' },
  { role: 'target', lane: 'attack', colour: '#D55E00', en: 'Targeted', fr: 'Visé' },
  { role: 'responder', lane: 'response', colour: '#009E73', en: 'Responded', fr: 'A réagi' },
];

/** An actor's incidents by year and role: one lane per role, a mark per incident with its name. */
export function actorChart(incidents: ActorIncident[], locale: Locale, id: string): SafeHtml | undefined {
  if (incidents.length === 0) return undefined;
  const roles = ROLES.filter((r) => incidents.some((i) => i.role === r.role));
  const width = 520;
  const left = 104;
  const right = width - 16;
  const laneH = 34;
  const top = 10;
  const axisY = top + roles.length * laneH + 4;
  const height = axisY + 30;
  const years = incidents.map((i) => yearFraction(i.start));
  const scale = timeScale(Math.min(...years), Math.max(...years), left + 10, right - 10, locale);
  const fr = locale === 'fr';
  const rows = roles.map((r, k) => {
    const y = top + k * laneH + laneH / 2;
    const seen = new Map<number, number>();
    const marks = incidents
      .filter((i) => i.role === r.role)
      .map((i) => {
        const x = scale.x(yearFraction(i.start));
        const bucket = Math.round(x / 8);
        const n = seen.get(bucket) ?? 0;
        seen.set(bucket, n + 1);
        const dy = n === 0 ? 0 : (n % 2 === 1 ? -1 : 1) * Math.min(12, 5 * Math.ceil(n / 2));
        return html`<g class="mark"
          ><title>${i.start.slice(0, 4)} — ${i.name}</title>${shape(r.lane, x, y + dy, r.colour)}</g
        >`;
      });
    return html`<g class="lane"
      ><line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#e3e3e3" />${shape(r.lane, 10, y, r.colour)}<text
        x="24"
        y="${y + 4}"
        font-size="13"
        fill="#222"
        >${fr ? r.fr : r.en}</text
      >${marks}</g
    >`;
  });
  const ticks = scale.ticks.map(
    (t) =>
      html`<text x="${scale.x(t.at).toFixed(1)}" y="${axisY + 16}" font-size="12" text-anchor="middle" fill="#444"
        >${t.label}</text
      >`,
  );
  const title = fr ? 'Incidents par année et par rôle' : 'Incidents by year and role';
  const desc = roles.map((r) => `${fr ? r.fr : r.en}: ${incidents.filter((i) => i.role === r.role).length}`).join(', ');
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="chart actor"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    font-family="system-ui, sans-serif"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${desc}.</desc>
    <line x1="${left}" x2="${right}" y1="${axisY}" y2="${axisY}" stroke="#888" />
    ${ticks}${rows}
  </svg>`;
}
