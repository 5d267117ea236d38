import { renderDigest as renderSlackDigest } from '../../adapters/slack/render-digest';
import { renderDigest as renderTeamsDigest } from '../../adapters/teams/render-digest';
import { composeDigest } from '../../src/digest/compose';
import { openTempApp } from '../support/temp-app';

const PUBLIC_URL = 'https://briefs.example.org';

describe('digests link each incident to its full brief page', () => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  beforeAll(async () => {
    app = await openTempApp({
      CYBERBRIEF_PUBLIC_URL: PUBLIC_URL,
      CYBERBRIEF_LINK_SECRET: 'digest-links-secret-0123456789abcdef0123456789',
    });
  });
  afterAll(() => app.dispose());

  const digest = () =>
    composeDigest(app.briefing.data, {
      since: new Date('2024-01-01T00:00:00Z'),
      until: new Date('2026-12-01T00:00:00Z'),
      locale: 'en',
    });

  it('in Slack, each incident of the thread is a link to its signed page', () => {
    const d = digest();
    expect(d.incidents.length).toBeGreaterThan(1);
    const linkOf = (id: string) => app.links!.url(id, 'en');
    const text = JSON.stringify(renderSlackDigest(d, { linkOf, maxThreadMessages: 50 }).thread);
    for (const group of d.incidents.slice(0, 5))
      expect(text).toContain(`<${PUBLIC_URL}/briefs/${group.incident.id}?lang=en&amp;exp=`);
    // Without pages, no link at all.
    expect(JSON.stringify(renderSlackDigest(d).thread)).not.toContain(PUBLIC_URL);
  });

  it('in Teams, each incident opens its signed page', () => {
    const d = digest();
    const linkOf = (id: string) => app.links!.url(id, 'en');
    const card = JSON.stringify(renderTeamsDigest(d, { linkOf }).card);
    const shown = d.incidents.filter((g) => card.includes(JSON.stringify(g.incident.name).slice(1, -1)));
    expect(shown.length).toBeGreaterThan(0);
    for (const g of shown) expect(card).toContain(`${PUBLIC_URL}/briefs/${g.incident.id}?lang=en&exp=`);
    expect(JSON.stringify(renderTeamsDigest(d).card)).not.toContain(PUBLIC_URL);
  });
});
