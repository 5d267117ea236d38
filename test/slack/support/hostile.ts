import { Development } from '../../../src/domain/development';
import { Incident } from '../../../src/domain/incident';
import { Source } from '../../../src/domain/source';
import type { BriefingService } from '../../../src/service/briefing-service';

/**
 * Markup an article could carry: a broadcast, a user mention, a link whose label lies about its
 * target, and bare broadcasts that Slack's automatic parsing might read.
 */
export const HOSTILE = {
  broadcast: '<!channel>',
  everyone: '<!everyone>',
  mention: '<@U0EVIL>',
  forged: '<http://evil.example/steal|https://bank.example>',
  bareHere: '@here',
};

export const HOSTILE_TEXT = `Alert ${HOSTILE.broadcast} ${HOSTILE.everyone} ask ${HOSTILE.mention} to log in at ${HOSTILE.forged} now ${HOSTILE.bareHere} & *stay* calm`;

/** Forms that must never appear in mrkdwn sent to Slack. */
export const FORBIDDEN = [HOSTILE.broadcast, HOSTILE.everyone, HOSTILE.mention, '<http://evil.example', '@here'];

export interface HostileOptions {
  id?: string;
  developments?: number;
  sources?: number;
  textLength?: number;
  related?: string[];
}

/**
 * Saves an ingested incident whose every text field carries HOSTILE markup, with as many
 * developments and sources as asked (to push a brief past Slack's limits). Returns its id.
 */
export async function addHostileIncident(briefing: BriefingService, o: HostileOptions = {}): Promise<string> {
  const id = o.id ?? 'hostile-op';
  const recordedAt = '2026-03-01T10:00:00.000Z';
  const sourceIds: string[] = [];
  for (let i = 0; i < (o.sources ?? 3); i++) {
    const sid = `hostile-src-${id}-${i}`;
    await briefing.saveSource(
      Source.parse({
        id: sid,
        url: `https://news.example/${id}/${i}?a=1&b=2|x>y`,
        title: `${HOSTILE.broadcast} report ${i} ${HOSTILE.forged}`,
        language: i % 2 === 0 ? 'en' : 'fr',
        published: '2026-02-27',
        origin: 'ingested',
      }),
    );
    sourceIds.push(sid);
  }
  const long = (n: number) =>
    `${HOSTILE_TEXT} ${'detail '.repeat(Math.max(0, Math.ceil(((o.textLength ?? 200) - HOSTILE_TEXT.length) / 7)))}`.slice(
      0,
      Math.max(o.textLength ?? 200, HOSTILE_TEXT.length),
    ) + ` #${n}`;
  const incident = Incident.parse({
    id,
    name: {
      en: `Operation ${HOSTILE.broadcast} ${HOSTILE.mention} ${'x'.repeat(200)}`,
      fr: `Opération ${HOSTILE.broadcast}`,
    },
    aliases: [`${id}-alias`],
    type: 'intrusion',
    period: { start: '2025-11', end: '2026-02' },
    targets: ['FR'],
    suspected: ['KP'],
    summary: { en: `Summary ${HOSTILE_TEXT}`, fr: `Résumé ${HOSTILE_TEXT}` },
    related: o.related ?? [],
    origin: 'ingested',
  });
  const types = ['attack', 'attribution', 'denial', 'sanction', 'statement', 'condemnation'] as const;
  const devs: Development[] = [];
  for (let i = 0; i < (o.developments ?? 6); i++) {
    const type = types[i % types.length]!;
    devs.push(
      Development.parse({
        id: `${id}:dev:${i}`,
        type,
        // Distinct dates, so a digest does not merge them as one development told twice.
        date: `${2025 - Math.floor(i / 336)}-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        by: type === 'denial' ? ['KP'] : ['FR', 'US', 'GB'],
        against: type === 'denial' ? [] : ['KP'],
        incidents: [id],
        stance: type === 'attribution' ? 'attributed' : type === 'denial' ? 'denied' : undefined,
        text: i % 3 === 2 ? { fr: long(i) } : { en: long(i) },
        sources: sourceIds.length > 0 ? [sourceIds[i % sourceIds.length]!] : [],
        origin: 'ingested',
        recordedAt,
      }),
    );
  }
  await briefing.saveIncident(incident, devs);
  return id;
}
