import { checkCron } from '../../src/time/cron';
import { nextSlot } from '../../src/schedule/slots';
import { createSubscription, digestSince } from '../../src/subscriptions/create-subscription';
import { parseSubscribe, SUBSCRIBE_EXAMPLE, type SubscribeDefaults } from '../../src/subscriptions/parse-subscribe';

const en: SubscribeDefaults = { timezone: 'Europe/Brussels', locale: 'en' };
const fr: SubscribeDefaults = { timezone: 'Europe/Brussels', locale: 'fr' };

function ok(text: string, defaults = en) {
  const r = parseSubscribe(text, defaults);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
  return r.value;
}
function error(text: string, defaults = en) {
  const r = parseSubscribe(text, defaults);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(r.value)}`);
  return r;
}

describe('parseSubscribe', () => {
  it('reads time, zone, language and filters from one line', () => {
    expect(ok('07:30 Europe/Paris fr actor:CN type:sanction')).toEqual({
      cron: '30 7 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'fr',
      filters: { incidents: [], actors: ['CN'], countries: [], types: ['sanction'], minSignificance: 0 },
      emptyDigest: 'skip',
    });
  });

  it('defaults to weekdays 08:00 in the given zone and language', () => {
    expect(ok('')).toMatchObject({
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Brussels',
      locale: 'en',
      emptyDigest: 'skip',
    });
  });

  it('understands day words and day names in English and French', () => {
    expect(ok('weekdays 08:00').cron).toBe('0 8 * * 1-5');
    expect(ok('daily 18:00').cron).toBe('0 18 * * *');
    expect(ok('weekends 10h').cron).toBe('0 10 * * 0,6');
    expect(ok('lundi,jeudi 9h30').cron).toBe('30 9 * * 1,4');
    expect(ok('fri 6pm').cron).toBe('0 18 * * 5');
  });

  it('takes a cron expression, quoted with straight, curly or French quotes, or bare', () => {
    expect(ok('cron "0 9 * * 1"').cron).toBe('0 9 * * 1');
    expect(ok('cron “0 9 * * 1” fr')).toMatchObject({ cron: '0 9 * * 1', locale: 'fr' });
    expect(ok('cron « 0 9 * * 1 »').cron).toBe('0 9 * * 1');
    expect(ok('cron 0 9 * * 1 en').cron).toBe('0 9 * * 1');
    // Whatever it accepts, node-cron accepts and the scheduler can enumerate.
    for (const t of ['cron "*/15 8-18 * * 1-5"', 'cron "0 7 L * *"', 'daily 23:59']) {
      const v = ok(t);
      expect(checkCron(v.cron).ok).toBe(true);
      expect(nextSlot(v.cron, v.timezone, Date.parse('2026-03-01T00:00:00Z'))).toBeDefined();
    }
  });

  it('reads every filter, several values at once, and canonicalises ids', () => {
    expect(
      ok('incident:WannaCry,notpetya actor:g0032 actor:cn country:fr type:sanctions,attribution min:0.5 empty:note'),
    ).toMatchObject({
      filters: {
        incidents: ['wannacry', 'notpetya'],
        actors: ['G0032', 'CN'],
        countries: ['FR'],
        types: ['sanction', 'attribution'],
        minSignificance: 0.5,
      },
      emptyDigest: 'note',
    });
    expect(ok('pays:FR type:déclaration min:40% vide:note', fr)).toMatchObject({
      filters: { countries: ['FR'], types: ['statement'], minSignificance: 0.4 },
      emptyDigest: 'note',
    });
    expect(ok('tz:america/new_york lang:fr').timezone).toBe('America/New_York');
  });

  it('lets an adapter resolve names it knows into ids', () => {
    const v = parseSubscribe('actor:lazarus incident:petya', {
      ...en,
      resolveActor: (n) => (n === 'lazarus' ? 'G0032' : undefined),
      resolveIncident: (n) => (n === 'petya' ? 'notpetya' : undefined),
    });
    expect(v.ok && v.value.filters).toMatchObject({ actors: ['G0032'], incidents: ['notpetya'] });
  });

  it.each([
    ['25:00', /25:00.*not a time/],
    ['7:75', /7:75/],
    ['Europe/Pariss', /Europe\/Pariss.*time zone/],
    ['banana', /"banana"/],
    ['type:rumour', /rumour.*development type/],
    ['country:France', /France.*two-letter/],
    ['min:2', /min:2/],
    ['min:abc', /min:abc/],
    ['empty:sometimes', /empty:sometimes/],
    ['lang:de', /"de".*en or fr/],
    ['cron "0 9 * * 8"', /cron.*8/],
    ['cron "0 9', /quotation mark/],
    ['08:00 cron "0 9 * * 1"', /either a time.*or a cron/],
    ['08:00 09:00', /one time of day/],
    ['actor:', /actor: needs a value/],
  ])('refuses %s, naming what is wrong and showing an example', (text, message) => {
    const r = error(text);
    expect(r.error).toMatch(message);
    expect(r.example).toBe(SUBSCRIBE_EXAMPLE);
    expect(parseSubscribe(SUBSCRIBE_EXAMPLE, en).ok).toBe(true);
  });

  it('explains errors in French for a French channel', () => {
    expect(error('25:00', fr).error).toMatch(/n’est pas une heure/);
  });
});

describe('createSubscription', () => {
  it('gives a fresh id, an active status, and a first digest covering the day before creation', () => {
    const now = new Date('2026-03-10T09:15:00Z');
    const a = createSubscription({
      ...ok('07:30 Europe/Paris fr'),
      platform: 'slack',
      channel: 'C1',
      createdBy: 'U1',
      now,
    });
    const b = createSubscription({ ...ok('07:30 Europe/Paris fr'), platform: 'slack', channel: 'C1', now });
    expect(a.id).toMatch(/^sub-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({
      status: 'active',
      createdAt: now.toISOString(),
      createdBy: 'U1',
      cron: '30 7 * * 1-5',
      timezone: 'Europe/Paris',
      locale: 'fr',
    });
    expect(digestSince(a).toISOString()).toBe('2026-03-09T09:15:00.000Z');
    expect(digestSince({ ...a, lastDeliveredUntil: '2026-03-11T06:30:00.000Z' }).toISOString()).toBe(
      '2026-03-11T06:30:00.000Z',
    );
  });
});
