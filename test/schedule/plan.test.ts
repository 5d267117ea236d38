import type { Subscription } from '../../src/domain/subscription';
import { decide } from '../../src/schedule/plan';
import { createSubscription } from '../../src/subscriptions/create-subscription';

const HOUR = 3_600_000;
const GRACE = 6 * HOUR;
const t = (iso: string) => Date.parse(iso);

function sub(extra: Partial<Subscription> = {}): Subscription {
  const base = createSubscription({
    platform: 'slack',
    channel: 'C1',
    cron: '0 8 * * 1-5',
    timezone: 'Europe/Paris',
    locale: 'fr',
    filters: { incidents: [], actors: [], countries: [], types: [], minSignificance: 0 },
    emptyDigest: 'skip',
    now: new Date('2026-03-09T12:00:00Z'),
  });
  return { ...base, ...extra };
}

describe('decide', () => {
  // Tuesday 10 March 2026, 08:00 Paris = 07:00 UTC.
  const slot = t('2026-03-10T07:00:00Z');

  it('does nothing before the first slot after creation', () => {
    expect(decide(sub(), t('2026-03-10T06:59:00Z'), GRACE)).toEqual({ kind: 'none' });
  });

  it('delivers the slot that just passed, once', () => {
    expect(decide(sub(), slot + 20_000, GRACE)).toEqual({ kind: 'deliver', slot, lateMs: 20_000 });
    const delivered = sub({ lastSlot: new Date(slot).toISOString(), lastDeliveredUntil: new Date(slot).toISOString() });
    expect(decide(delivered, slot + 60_000, GRACE)).toEqual({ kind: 'none' });
    expect(decide(delivered, t('2026-03-11T06:59:59Z'), GRACE)).toEqual({ kind: 'none' });
    expect(decide(delivered, t('2026-03-11T07:00:00Z'), GRACE)).toMatchObject({
      kind: 'deliver',
      slot: t('2026-03-11T07:00:00Z'),
    });
  });

  it('catches up once after downtime within the grace period, collapsing missed slots', () => {
    const last = sub({ lastSlot: '2026-03-09T07:00:00.000Z' });
    // Down from Monday 09:00 to Wednesday 10:30 Paris: Tuesday's and Wednesday's slots were missed.
    expect(decide(last, t('2026-03-11T09:30:00Z'), GRACE)).toEqual({
      kind: 'deliver',
      slot: t('2026-03-11T07:00:00Z'),
      lateMs: 2.5 * HOUR,
    });
  });

  it('skips a slot later than the grace period, saying why, and the next slot is due as usual', () => {
    const d = decide(sub(), slot + 7 * HOUR, GRACE);
    expect(d).toMatchObject({ kind: 'skip', slot });
    expect(d.kind === 'skip' && d.reason).toMatch(/7\.0 h late.*6 h grace/);
    expect(decide(sub(), slot + 6 * HOUR, GRACE).kind).toBe('deliver');
    expect(decide(sub({ lastSlot: new Date(slot).toISOString() }), t('2026-03-11T07:00:30Z'), GRACE).kind).toBe(
      'deliver',
    );
    expect(decide(sub(), slot + 7 * HOUR, 8 * HOUR).kind).toBe('deliver');
  });

  it('never fires for a paused subscription', () => {
    expect(decide(sub({ status: 'paused', pausedReason: 'channel archived' }), slot + 1000, GRACE)).toEqual({
      kind: 'none',
    });
  });
});
