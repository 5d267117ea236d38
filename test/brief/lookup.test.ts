import type { App } from '../../adapters/root';
import type { Brief } from '../../src/domain/brief';
import { openTempApp } from '../support/temp-app';

let app: App & { dispose(): Promise<void> };
beforeAll(async () => {
  app = await openTempApp();
});
afterAll(async () => app.dispose());

const brief = (q: string, lang: 'en' | 'fr' = 'en'): Brief => app.briefing.brief(q, lang);

describe('lookups resolve names, aliases, typos and both languages', () => {
  it.each([
    ['wannacry', 'wannacry'],
    ['WannaCrypt', 'wannacry'],
    ['wanacry', 'wannacry'],
    ['WANNA CRY', 'wannacry'],
    ['microsoft exchange', 'exchange-2021'],
    ['visioconférence', 'eu-defence-videoconference-2020'],
    ['visioconference', 'eu-defence-videoconference-2020'],
    ['notpetya', 'notpetya'],
    ['not petya', 'notpetya'],
  ])('%s -> incident %s', (q, id) => {
    const b = brief(q);
    expect(b.status).toBe('found');
    expect(b.subject).toMatchObject({ kind: 'incident', id });
  });

  it.each([
    ['lazarus', 'G0032'],
    ['Hidden Cobra', 'G0032'],
    ['fancy bear', 'G0007'],
    ['chine', 'CN'],
    ['Corée du Nord', 'KP'],
    ['otan', 'NATO'],
    ['Russia', 'RU'],
  ])('%s -> actor %s', (q, id) => {
    const b = brief(q, 'fr');
    expect(b.status).toBe('found');
    expect(b.subject).toMatchObject({ kind: 'actor', id });
  });

  it('offers ranked candidates for a year', () => {
    const b = brief('2017');
    expect(b.status).toBe('ambiguous');
    const ids = b.candidates!.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['wannacry', 'notpetya']));
    for (const c of b.candidates!) expect(c.kind).toBe('incident');
  });

  it('says not_found, with suggestions where it has any, for something unknown', () => {
    const b = brief('zzzqqqxxv');
    expect(b.status).toBe('not_found');
    expect(b.title).toContain('zzzqqqxxv');
  });

  it.each([
    ['empty', ''],
    ['spaces', '   \t  '],
    ['huge', 'wannacry '.repeat(12_000)],
    ['binary', Buffer.from([0, 1, 2, 255, 254, 7, 8]).toString('latin1')],
    ['control characters', '\u001b[2J\u0007wannacry\u0000'],
    ['markup', '<script>alert(1)</script> <!channel> *bold* `code`'],
  ])('answers a %s query without throwing', (_label, q) => {
    const b = brief(q);
    expect(['found', 'ambiguous', 'not_found']).toContain(b.status);
    expect(JSON.stringify(b)).not.toContain('\u0000');
  });
});

describe('noise is not a lookup', () => {
  it.each([
    ['a number', '1'],
    ['a script payload', 'alert(1)'],
    ['markup only', '<b></b>'],
    ['a tag', '<script>'],
    ['short tokens', 'x y 42'],
    ['a typo of a summary word', 'pwned'],
  ])('%s answers not_found, with suggestions for a query without letters', (_label, q) => {
    const b = brief(q);
    expect(b.status).toBe('not_found');
    expect(b.subject).toBeUndefined();
    if (!/\p{L}/u.test(q.replace(/<[^<>]*>/g, ''))) expect(b.suggestions?.length).toBeGreaterThan(0);
  });

  it('still answers short names typed exactly, state codes in capitals, years and ids', () => {
    expect(brief('UK').subject).toMatchObject({ kind: 'actor', id: 'GB' });
    expect(brief('eu').subject).toMatchObject({ kind: 'actor', id: 'EU' });
    expect(brief('KP').subject).toMatchObject({ kind: 'actor', id: 'KP' });
    expect(brief('NO').subject).toMatchObject({ kind: 'actor', id: 'NO' });
    expect(brief('G0032').subject).toMatchObject({ kind: 'actor', id: 'G0032' });
    expect(brief('2017').status).toBe('ambiguous');
    expect(brief('<b>wannacry</b>').subject).toMatchObject({ kind: 'incident', id: 'wannacry' });
    // In lower case a two-letter word is a word, not a country: "no" is not Norway, "de" not Germany.
    expect(brief('no').status).toBe('not_found');
    expect(brief('de').status).toBe('not_found');
  });

  it('keeps typos in names, but not a typo that only a summary word matches', () => {
    expect(brief('wanacry').subject).toMatchObject({ id: 'wannacry' });
    expect(brief('cloud hoper').subject).toMatchObject({ id: 'cloud-hopper' });
    expect(brief('pwned').subject).toBeUndefined();
    expect(brief('pwned').candidates ?? []).not.toContainEqual(expect.objectContaining({ id: 'SONY-PICTURES' }));
  });
});

describe('an incident brief', () => {
  it('tells what happened, who is accused and by whom, who denied, the responses and a dated, cited timeline', () => {
    const b = brief('wannacry');
    expect(b.title).toMatch(/WannaCry/);
    expect(b.period?.start).toMatch(/^2017-05/);
    expect(b.summary.length).toBeGreaterThanOrEqual(3);
    expect(b.summary.length).toBeLessThanOrEqual(5);
    const formal = b.attribution.filter((a) => a.stance === 'attributed');
    expect(formal.flatMap((a) => a.by.map((r) => r.id))).toEqual(expect.arrayContaining(['GB', 'US']));
    expect(formal.flatMap((a) => a.to.map((r) => r.id))).toContain('KP');
    expect(b.attribution.some((a) => a.stance === 'denied' && a.by.some((r) => r.id === 'KP'))).toBe(true);
    expect(b.responses.map((r) => r.type)).toEqual(expect.arrayContaining(['indictment', 'sanction']));
    const dates = b.timeline.map((t) => t.date);
    expect([...dates].sort()).toEqual(dates);
    const cited = new Set(b.sources.map((s) => s.id));
    for (const t of b.timeline) for (const s of t.sources) expect(cited).toContain(s);
    for (const s of b.sources) expect(s.url).toMatch(/^https?:\/\//);
  });

  it('speaks French when asked, with French labels and dates', () => {
    const b = brief('microsoft exchange', 'fr');
    expect(b.locale).toBe('fr');
    expect(b.subject?.id).toBe('exchange-2021');
    expect(b.summary.join(' ')).toMatch(/Chine/);
    expect(b.attribution.flatMap((a) => a.to.map((r) => r.name))).toContain('Chine');
  });

  it('lists related incidents by name', () => {
    const b = brief('wannacry');
    expect(b.related.map((r) => r.id)).toContain('eu-cyber-diplomacy-toolbox');
  });
});

describe('an actor brief', () => {
  it('lists the incidents attributed to a group and the responses against it', () => {
    const b = brief('lazarus');
    expect(b.subject).toMatchObject({ kind: 'actor', id: 'G0032', actorKind: 'group' });
    expect(b.incidents!.map((i) => i.id)).toContain('wannacry');
    expect(b.incidents!.find((i) => i.id === 'wannacry')!.role).toBe('suspected');
  });

  it('answers for the groups publicly tied to a state', () => {
    const b = brief('china');
    expect(b.subject?.id).toBe('CN');
    expect(b.incidents!.map((i) => i.id)).toEqual(expect.arrayContaining(['exchange-2021']));
    expect(b.attribution.length).toBeGreaterThan(0);
  });
});
