import { composeQuery, composeSelect } from './support/activities';
import { expectGoodCard, visibleTexts, type Json } from './support/cards';
import { startTeams, type TeamsHarness } from './support/harness';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeams();
});
afterAll(async () => h.close());
beforeEach(() => h.connector.reset());

describe('the search-based message extension', () => {
  test('typing part of a name lists the matching incidents as previews that call back on tap', async () => {
    const res = await h.post(composeQuery('harb', { serviceUrl: h.connector.url }));
    expect(res.status).toBe(200);
    const result = res.body.composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const titles = result.attachments.map((a: Json) => a.preview.content.title);
    expect(titles).toEqual(expect.arrayContaining(['Harbor Lights intrusion', 'Harbor Tide leak']));
    for (const a of result.attachments) {
      expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(a.preview.content.tap.type).toBe('invoke');
      expectGoodCard(a.content);
    }
    const lights = result.attachments.find((a: Json) => a.preview.content.title === 'Harbor Lights intrusion');
    expect(lights.preview.content.tap.value).toEqual({
      cyberbrief: { pick: { kind: 'incident', id: 'harbor-lights' } },
    });
    expect(lights.preview.content.text).toBe('2 March 2021 – April 2021');
    // Invokes answer in the HTTP response: nothing is posted to the conversation.
    expect(h.connector.requests).toEqual([]);
  });

  test('choosing a result returns the full brief card to insert', async () => {
    const res = await h.post(
      composeSelect(
        { cyberbrief: { pick: { kind: 'incident', id: 'harbor-lights' } } },
        { serviceUrl: h.connector.url },
      ),
    );
    expect(res.status).toBe(200);
    const [attachment] = res.body.composeExtension.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expectGoodCard(attachment.content);
    expect(attachment.content.body[0].text).toBe('Harbor Lights intrusion');
    expect(visibleTexts(attachment.content).some((t) => t === 'Sources')).toBe(true);
  });

  test('actors are found too, and the search follows the user’s language', async () => {
    const res = await h.post(composeQuery('héron', { serviceUrl: h.connector.url, locale: 'fr-FR' }));
    const titles = res.body.composeExtension.attachments.map((a: Json) => a.preview.content.title);
    expect(titles).toContain('Héron de papier');
    const heron = res.body.composeExtension.attachments.find(
      (a: Json) => a.preview.content.title === 'Héron de papier',
    );
    expect(heron.preview.content.text).toBe('Groupe de menace');
    const picked = await h.post(
      composeSelect(heron.preview.content.tap.value, { serviceUrl: h.connector.url, locale: 'fr-FR' }),
    );
    expect(picked.body.composeExtension.attachments[0].content.body[0].text).toBe('Héron de papier');
  });

  test('the empty box (initial run) shows the incidents with the newest developments', async () => {
    const res = await h.post(composeQuery(undefined, { serviceUrl: h.connector.url }));
    const titles = res.body.composeExtension.attachments.map((a: Json) => a.preview.content.title);
    // Harbor Lights has the newest development (April 2021), Harbor Tide the older one (2019).
    expect(titles).toEqual(['Harbor Lights intrusion', 'Harbor Tide leak']);
  });

  test('a stale or forged selection value gets a not-found card, never an error', async () => {
    for (const value of [
      { cyberbrief: { pick: { kind: 'incident', id: 'no-such-incident' } } },
      { something: 'else' },
      'text',
    ]) {
      const res = await h.post(composeSelect(value, { serviceUrl: h.connector.url }));
      expect(res.status).toBe(200);
      const card = res.body.composeExtension.attachments[0].content;
      expectGoodCard(card);
      expect(card.body[0].text).toMatch(/No match for/);
    }
  });

  test('nothing matching gives an empty list', async () => {
    const res = await h.post(composeQuery('zzqxw', { serviceUrl: h.connector.url }));
    expect(res.body.composeExtension.attachments).toEqual([]);
  });
});
