import net from 'node:net';
import { KeyvConversationStore } from '../../adapters/teams/conversation-store';
import { composeQuery, message } from './support/activities';
import { type LogLine, startTeams, type TeamsHarness } from './support/harness';
import { OpenIdStub } from './support/openid-stub';
import type { Json } from './support/cards';

const APP_ID = '9d3c5a1e-7f2b-4c1d-9e8f-0a1b2c3d4e5f';

describe('with MicrosoftAppId: every request needs a valid Bot Framework token', () => {
  let h: TeamsHarness;
  let openid: OpenIdStub;
  let startup: LogLine[];

  let quiet: jest.SpyInstance;

  beforeAll(async () => {
    // The SDK prints rejected keys and expired tokens with console.error; the log line is ours.
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    openid = await OpenIdStub.start();
    h = await startTeams({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' },
      deps: { authOverrides: { ToBotFromChannelOpenIdMetadataUrl: openid.metadataUrl } },
    });
    startup = [...h.logs];
  });
  afterAll(async () => {
    quiet.mockRestore();
    await h.close();
    await openid.close();
  });
  beforeEach(() => {
    h.connector.reset();
    h.logs.length = 0;
  });

  /** Nothing was processed: no reply, no conversation remembered, and one log line saying why. */
  async function expectRejected(activity: Json, headers: Record<string, string>, why: RegExp) {
    const before = h.logs.filter((l) => l.event === 'teams.auth_rejected').length;
    const res = await h.post(activity, headers);
    expect(res.status).toBe(401);
    expect(h.connector.requests).toEqual([]);
    expect(await new KeyvConversationStore(h.app.kv).get(activity.conversation.id)).toBeUndefined();
    const rejections = h.logs.filter((l) => l.event === 'teams.auth_rejected');
    expect(rejections.length).toBe(before + 1);
    expect(String(rejections.at(-1)?.reason)).toMatch(why);
    // The token itself never reaches the log.
    expect(JSON.stringify(rejections.at(-1))).not.toContain(
      String(headers.authorization ?? '').split(' ')[1] || 'no-token-sent',
    );
  }

  test('the endpoint announces authenticated mode', () => {
    expect(h.mount?.mode).toBe('auth');
    expect(startup.some((l) => l.event === 'teams.surface_enabled' && l.appId === APP_ID)).toBe(true);
    expect(startup.some((l) => l.event === 'teams.dev_mode_enabled')).toBe(false);
  });

  test('no Authorization header: 401', async () => {
    await expectRejected(
      message('harbor lights', { serviceUrl: h.connector.url, personalId: 'a:no-token' }),
      {},
      /not authorized/i,
    );
  });

  test('a token signed with a key the Bot Framework does not publish: 401', async () => {
    const activity = message('harbor lights', { serviceUrl: h.connector.url, personalId: 'a:forged' });
    await expectRejected(
      activity,
      { authorization: `Bearer ${openid.forge({ aud: APP_ID, serviceurl: h.connector.url })}` },
      /invalid signature/,
    );
  });

  test('a garbage token, an unknown key id, another bot’s audience, an expired token, or another serviceUrl: 401', async () => {
    const serviceUrl = h.connector.url;
    const cases: [string, string, RegExp][] = [
      ['garbage', 'Bearer not.a.jwt', /No valid identity/],
      [
        'unknown kid',
        `Bearer ${openid.sign({ aud: APP_ID, serviceurl: serviceUrl }, undefined, 'other-kid')}`,
        /Signing Key could not be retrieved/,
      ],
      [
        'other audience',
        `Bearer ${openid.sign({ aud: 'ffffffff-0000-0000-0000-000000000000', serviceurl: serviceUrl })}`,
        /Invalid AppId/,
      ],
      [
        'expired',
        `Bearer ${openid.sign({ aud: APP_ID, serviceurl: serviceUrl, exp: Math.floor(Date.now() / 1000) - 3600, nbf: 0, iat: 0 })}`,
        /expired/,
      ],
      [
        'other serviceUrl',
        `Bearer ${openid.sign({ aud: APP_ID, serviceurl: 'https://attacker.example/' })}`,
        /ServiceUrl claim/,
      ],
      ['wrong scheme', `Basic ${openid.sign({ aud: APP_ID, serviceurl: serviceUrl })}`, /No valid identity/],
    ];
    for (const [name, authorization, why] of cases) {
      const activity = message('harbor lights', { serviceUrl, personalId: `a:case-${name.replace(/\s/g, '-')}` });
      await expectRejected(activity, { authorization }, why);
    }
  });

  test('a valid token is accepted: the compose extension answers (an invoke needs no outbound call)', async () => {
    const activity = composeQuery('harbor', { serviceUrl: h.connector.url, personalId: 'a:valid-token' });
    const res = await h.post(activity, {
      authorization: `Bearer ${openid.sign({ aud: APP_ID, serviceurl: h.connector.url })}`,
    });
    expect(h.logs.filter((l) => l.event === 'teams.auth_rejected').map((l) => l.reason)).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body.composeExtension.attachments.length).toBe(2);
    expect(openid.requests).toBeGreaterThan(0);
  });
});

describe('without MicrosoftAppId', () => {
  test('the Teams endpoint is not mounted unless CYBERBRIEF_TEAMS_DEV=1, and says why', async () => {
    const h = await startTeams({ env: {} });
    try {
      expect(h.mount).toBeUndefined();
      const res = await h.post(message('harbor lights', { serviceUrl: h.connector.url }));
      expect(res.status).toBe(404);
      expect(h.connector.requests).toEqual([]);
      const line = h.logs.find((l) => l.event === 'teams.surface_disabled');
      expect(line?.reason).toMatch(/MicrosoftAppId is not set.*CYBERBRIEF_TEAMS_DEV=1/);
    } finally {
      await h.close();
    }
  });

  test('a half-configured registration fails at start, naming the missing variable', async () => {
    await expect(
      startTeams({ env: { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' } }),
    ).rejects.toThrow(/MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/);
  });

  test('dev mode is announced, and the only outbound connection goes to the activity’s serviceUrl', async () => {
    const h = await startTeams({ env: { CYBERBRIEF_TEAMS_DEV: '1' } });
    const targets: string[] = [];
    const original = net.Socket.prototype.connect;
    const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
      this: net.Socket,
      ...args: Json[]
    ) {
      const o = Array.isArray(args[0]) ? args[0][0] : args[0];
      targets.push(
        typeof o === 'object' && o !== null
          ? `${o.host ?? 'localhost'}:${o.port ?? o.path}`
          : `${args[1] ?? 'localhost'}:${o}`,
      );
      return (original as Json).apply(this, args);
    });
    try {
      const warn = h.logs.find((l) => l.event === 'teams.dev_mode_enabled');
      expect(warn?.level).toBe('warn');
      expect(String(warn?.message)).toMatch(/WITHOUT authentication/);
      const activity = message('harbor lights', { serviceUrl: h.connector.url, personalId: 'a:dev-outbound' });
      // Connect from the test before spying counts: only the bot's own sockets are recorded below.
      spy.mockClear();
      targets.length = 0;
      const res = await fetchWithoutSpy(h.endpoint, activity, original);
      expect(res).toBe(200);
      await h.connector.waitFor((r) => r.replyToId === activity.id);
      const connectorPort = new URL(h.connector.url).port;
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(t).toBe(`127.0.0.1:${connectorPort}`);
    } finally {
      spy.mockRestore();
      await h.close();
    }
  });
});

/** Posts with a raw socket that bypasses the spy, so the recorded connections are the bot's own. */
async function fetchWithoutSpy(
  endpoint: string,
  body: unknown,
  connect: typeof net.Socket.prototype.connect,
): Promise<number> {
  const u = new URL(endpoint);
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const socket = new net.Socket();
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', reject);
    (connect as Json).call(socket, Number(u.port), u.hostname, () => {
      socket.write(
        `POST ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
      );
    });
  });
}
