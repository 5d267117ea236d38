import { register, parseSince } from '../../adapters/cli/commands/digest';
import { Digest } from '../../src/domain/digest';
import { KeyvIncidentStore } from '../../src/store/incident-store';
import { openKv } from '../../src/store/kv';
import { cliSandbox } from '../subscriptions/cli-harness';
import { dev, incident, source } from './catalog-fixture';

describe('cyberbrief digest', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  let cli: ReturnType<typeof cliSandbox>;
  beforeAll(async () => {
    cli = cliSandbox([register], now);
    const kv = await openKv(cli.env.CYBERBRIEF_STORE);
    const store = new KeyvIncidentStore(kv);
    await store.saveSource(source('wire-1'));
    await store.saveSource(source('paper-1', 'fr'));
    await store.saveIncident(incident('amber-lake', { targets: ['FR'] }), [
      dev({
        id: 'old',
        incident: 'amber-lake',
        type: 'attack',
        recordedAt: '2026-03-01T10:00:00Z',
        en: 'An intrusion was found.',
      }),
      dev({
        id: 'yesterday',
        incident: 'amber-lake',
        type: 'sanction',
        by: ['EU'],
        against: ['CN'],
        recordedAt: '2026-03-09T18:00:00Z',
        en: 'The EU listed two officers <b>here</b>.',
        fr: 'L’UE a inscrit deux officiers.',
        sources: ['wire-1', 'paper-1'],
      }),
      dev({
        id: 'this-morning',
        incident: 'amber-lake',
        type: 'statement',
        by: ['FR'],
        date: '2026-03-10',
        recordedAt: '2026-03-10T08:00:00Z',
        fr: 'Paris prend acte.',
      }),
    ]);
    await kv.close();
  });
  afterAll(() => cli.dispose());

  it('prints the last 24 hours as the JSON contract by default', async () => {
    const r = await cli.run('digest', '--json');
    expect(r.code).toBe(0);
    const d = Digest.parse(JSON.parse(r.out));
    expect(d).toMatchObject({ since: '2026-03-09T12:00:00.000Z', until: now.toISOString(), locale: 'en', more: 0 });
    expect(d.incidents.map((g) => [g.incident.id, g.developments.map((x) => x.id)])).toEqual([
      ['amber-lake', ['yesterday', 'this-morning']],
    ]);
    expect(d.sources.map((s) => s.id)).toEqual(['wire-1', 'paper-1']);
  });

  it('takes --since as a date or an age, and --lang', async () => {
    const week = Digest.parse(JSON.parse((await cli.run('digest', '--since', '7d', '--json')).out));
    expect(week.since).toBe('2026-03-03T12:00:00.000Z');
    const all = Digest.parse(
      JSON.parse((await cli.run('digest', '--since', '2026-02-28', '--lang', 'fr', '--json')).out),
    );
    expect(all.incidents[0]!.developments.map((x) => x.id).sort()).toEqual(['old', 'this-morning', 'yesterday']);
    expect(all.incidents[0]!.developments.find((x) => x.id === 'yesterday')!.text).toBe(
      'L’UE a inscrit deux officiers.',
    );
  });

  it('renders text for the terminal: headline, ranked entries, language notes and numbered sources', async () => {
    const r = await cli.run('digest');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cyber-diplomacy digest: 2 developments on 1 incident\n/);
    expect(r.out).toContain('Sanction: The EU listed two officers <b>here</b>. (EU → China) [1, 2]');
    expect(r.out).toContain('Statement: Paris prend acte. (in French) (France)');
    expect(r.out).toContain('[1] Report wire-1 (2026-03-01, en)');
    expect(r.out.indexOf('Sanction')).toBeLessThan(r.out.indexOf('Statement'));
  });

  it('refuses a --since that is not a date, or in the future', async () => {
    const bad = await cli.run('digest', '--since', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since: "yesterday" is not a date');
    expect((await cli.run('digest', '--since', '2027-01-01')).code).toBe(2);
  });

  it('reads ages and instants', () => {
    const at = new Date('2026-03-10T12:00:00Z');
    expect(parseSince('36h', at).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(parseSince('2026-03-10T08:00+01:00', at).toISOString()).toBe('2026-03-10T07:00:00.000Z');
  });
});
