import { createTask } from 'node-cron';
import { latestSlot, nextSlot, slotsBetween } from '../../src/schedule/slots';
import { instantOf, offsetAt, wallTime } from '../../src/time/zone';

const PARIS = 'Europe/Paris';
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const local = (ms: number, tz = PARIS) => {
  const w = wallTime(ms, tz);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

describe('time zone arithmetic', () => {
  it('knows the Paris offsets either side of both 2026 changes', () => {
    expect(offsetAt(t('2026-03-29T00:59:00Z'), PARIS)).toBe(3_600_000);
    expect(offsetAt(t('2026-03-29T01:00:00Z'), PARIS)).toBe(7_200_000);
    expect(offsetAt(t('2026-10-25T00:59:00Z'), PARIS)).toBe(7_200_000);
    expect(offsetAt(t('2026-10-25T01:00:00Z'), PARIS)).toBe(3_600_000);
  });

  it('gives a repeated wall time its first occurrence and moves a skipped one forward by the gap', () => {
    expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, PARIS))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, PARIS))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(local(t('2026-03-29T01:30:00Z'))).toBe('2026-03-29 03:30');
  });
});

describe('slots across daylight-saving changes (Europe/Paris, 2026)', () => {
  it.each([
    ['spring', '2026-03-26T00:00:00Z', '2026-04-02T00:00:00Z'],
    ['autumn', '2026-10-22T00:00:00Z', '2026-10-29T00:00:00Z'],
  ])('a daily 08:00 fires once a day at 08:00 local time around the %s change', (_, from, to) => {
    const slots = slotsBetween('0 8 * * *', PARIS, t(from), t(to));
    expect(slots.map((s) => local(s))).toEqual(
      Array.from({ length: 7 }, (_, i) => `${local(t(from) + (i + 0.5) * 86_400_000).slice(0, 10)} 08:00`),
    );
  });

  it('keeps weekdays 08:00 on weekdays only, at 06:00 UTC in summer and 07:00 UTC in winter', () => {
    const slots = slotsBetween('0 8 * * 1-5', PARIS, t('2026-03-26T00:00:00Z'), t('2026-04-01T00:00:00Z')).map(iso);
    expect(slots).toEqual([
      '2026-03-26T07:00:00.000Z',
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
      '2026-03-31T06:00:00.000Z',
    ]);
    const autumn = slotsBetween('0 8 * * 1-5', PARIS, t('2026-10-22T00:00:00Z'), t('2026-10-28T00:00:00Z')).map(iso);
    expect(autumn).toEqual([
      '2026-10-22T06:00:00.000Z',
      '2026-10-23T06:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
    ]);
  });

  it('fires a 02:30 schedule once on both change nights: moved to 03:30 in spring, first 02:30 in autumn', () => {
    expect(
      slotsBetween('30 2 * * *', PARIS, t('2026-03-28T12:00:00Z'), t('2026-03-30T12:00:00Z')).map((s) => local(s)),
    ).toEqual(['2026-03-29 03:30', '2026-03-30 02:30']);
    expect(slotsBetween('30 2 * * *', PARIS, t('2026-10-24T12:00:00Z'), t('2026-10-26T12:00:00Z')).map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('never yields the same instant twice, nor goes backwards, for an every-30-minutes schedule', () => {
    for (const [from, to] of [
      ['2026-03-28T20:00:00Z', '2026-03-29T06:00:00Z'],
      ['2026-10-24T20:00:00Z', '2026-10-25T06:00:00Z'],
    ]) {
      const slots = slotsBetween('*/30 * * * *', PARIS, t(from as string), t(to as string));
      for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeGreaterThan(slots[i - 1]!);
      const walls = slots.map((s) => local(s));
      expect(new Set(walls).size).toBe(walls.length);
    }
  });

  it('latestSlot and nextSlot agree with the enumeration', () => {
    const from = t('2026-10-20T00:00:00Z');
    const slots = slotsBetween('15 8,17 * * *', PARIS, from, t('2026-10-30T00:00:00Z'));
    for (let i = 1; i < slots.length; i++) {
      const s = slots[i]!;
      expect(latestSlot('15 8,17 * * *', PARIS, s)).toBe(s);
      expect(latestSlot('15 8,17 * * *', PARIS, s + 59_000)).toBe(s);
      expect(latestSlot('15 8,17 * * *', PARIS, s - 1)).toBe(slots[i - 1]);
      expect(latestSlot('15 8,17 * * *', PARIS, s + 1000, s)).toBeUndefined();
      expect(nextSlot('15 8,17 * * *', PARIS, slots[i - 1]!)).toBe(s);
    }
  });
});

describe('slots match what node-cron itself would fire', () => {
  const crons = [
    '0 8 * * 1-5',
    '30 7 * * *',
    '*/20 9-11 * * 2,4',
    '0 6 1,15 * *',
    '0 9 L * *',
    '0 10 * * 5L',
    '0 12 * * 1#2',
    '45 23 * * 0',
  ];
  it.each(crons)('%s', (cron) => {
    for (const tz of ['UTC', PARIS, 'America/New_York', 'Asia/Kolkata']) {
      const task = createTask(cron, () => undefined, { timezone: tz });
      try {
        const slots = slotsBetween(cron, tz, t('2026-01-01T00:00:00Z'), t('2026-06-30T00:00:00Z'));
        expect(slots.length).toBeGreaterThan(3);
        for (const s of slots) expect(task.match(new Date(s))).toBe(true);
        // And nothing in between: a minute after each slot up to the next one never matches.
        for (let i = 1; i < Math.min(slots.length, 6); i++) {
          for (let m = slots[i - 1]! + 60_000; m < slots[i]!; m += 60_000 * 7)
            expect(task.match(new Date(m))).toBe(false);
        }
      } finally {
        void task.destroy();
      }
    }
  });
});
