import { type Harness, startHarness } from './support/harness';
import { blockKitProblems, markupTexts } from './support/block-kit';
import { eventBody, postToSlackEndpoint } from './support/signed';

const PUBLIC_URL = 'https://briefs.example.org';
let h: Harness;

beforeAll(async () => {
  h = await startHarness(
    {},
    {
      appEnv: {
        CYBERBRIEF_PUBLIC_URL: PUBLIC_URL,
        CYBERBRIEF_LINK_SECRET: 'unfurl-test-secret-0123456789abcdef0123456789',
      },
    },
  );
});
afterAll(() => h.close());

function linkShared(urls: string[], ts: string): string {
  return eventBody({
    type: 'link_shared',
    channel: 'C0LINKS',
    user: 'U0PASTER',
    message_ts: ts,
    links: urls.map((url) => ({ url, domain: 'briefs.example.org' })),
    event_ts: ts,
  });
}

test('a pasted full-brief link unfurls as the brief’s first screen', async () => {
  const url = h.app.links!.url('wannacry', 'fr');
  // Slack hands links over with their ampersands escaped.
  const res = await postToSlackEndpoint(h.eventsUrl, linkShared([url.replace(/&/g, '&amp;')], '1700000001.000100'), {
    json: true,
  });
  expect(res.status).toBe(200);
  const call = await h.fake.waitFor((r) => r.api === 'chat.unfurl');
  expect(call.body.channel).toBe('C0LINKS');
  expect(call.body.ts).toBe('1700000001.000100');
  const unfurls = (typeof call.body.unfurls === 'string' ? JSON.parse(call.body.unfurls) : call.body.unfurls) as Record<
    string,
    { blocks: unknown[] }
  >;
  const [only] = Object.values(unfurls);
  expect(only).toBeDefined();
  expect(blockKitProblems({ blocks: only!.blocks }, 50)).toEqual([]);
  expect(markupTexts({ blocks: only!.blocks }).join('\n')).toContain('WannaCry');
  expect(only!.blocks.some((b) => (b as { type: string }).type === 'actions')).toBe(false);
});

test('altered, expired and foreign links are not unfurled', async () => {
  const before = h.fake.api('chat.unfurl').length;
  const good = h.app.links!.url('notpetya', 'en');
  const altered = good.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'Z' ? 'Y' : 'Z'}`);
  const expired = h.app.links!.url('notpetya', 'en', new Date(Date.now() - 40 * 86_400_000));
  const foreign = good.replace(PUBLIC_URL, 'https://elsewhere.example.net');
  await postToSlackEndpoint(h.eventsUrl, linkShared([altered, expired, foreign], '1700000002.000100'), {
    json: true,
  });
  // A valid link posted afterwards is unfurled; the refused ones before it were not.
  await postToSlackEndpoint(h.eventsUrl, linkShared([good], '1700000003.000100'), { json: true });
  const call = await h.fake.waitFor((r) => r.api === 'chat.unfurl' && r.body.ts === '1700000003.000100');
  expect(call).toBeDefined();
  const calls = h.fake.api('chat.unfurl').slice(before);
  expect(calls.map((c) => c.body.ts)).toEqual(['1700000003.000100']);
});
