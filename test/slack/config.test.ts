import { HttpServer } from '../../adapters/server/http-server';
import { loadSlackConfig, slackApiUrl, slackEnabled, slackMode, usesOAuth } from '../../adapters/slack/config';
import { mountSlackFromApp } from '../../adapters/server/mount-slack';
import { ConfigError } from '../../src/config';
import { jsonLogger } from '../../src/log';
import { openTempApp } from '../support/temp-app';
import { FakeSlack } from './support/fake-slack';
import { postToSlackEndpoint, SIGNING_SECRET, slashCommandBody } from './support/signed';

function configError(env: Record<string, string>): string {
  try {
    loadSlackConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('Slack configuration', () => {
  test('nothing set: Slack is off, and that is not an error', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' });
    expect(slackEnabled(c)).toBe(false);
  });

  test('one workspace over HTTP needs the signing secret; the message names it and echoes no secret', () => {
    const msg = configError({ SLACK_BOT_TOKEN: 'xoxb-1-very-secret-value' });
    expect(msg).toContain('SLACK_SIGNING_SECRET');
    expect(msg).not.toContain('very-secret-value');
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-very-secret-value', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect([slackEnabled(c), slackMode(c), usesOAuth(c)]).toEqual([true, 'http', false]);
  });

  test('a malformed token is named, never printed', () => {
    const msg = configError({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(msg).toContain('SLACK_BOT_TOKEN');
    expect(msg).not.toContain('user-token-secret');
  });

  test('Socket Mode with an app-level token needs no signing secret', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1' });
    expect(slackMode(c)).toBe('socket');
    expect(configError({ SLACK_APP_TOKEN: 'xapp-1-A-1' })).toContain('SLACK_BOT_TOKEN');
  });

  test('OAuth needs its three values and excludes a fixed bot token', () => {
    expect(
      configError({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ).toContain('SLACK_STATE_SECRET');
    expect(
      configError({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 's',
        SLACK_STATE_SECRET: 'x'.repeat(20),
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
      }),
    ).toContain('not both');
    const c = loadSlackConfig({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 'x'.repeat(20),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    expect([slackEnabled(c), usesOAuth(c)]).toEqual([true, true]);
  });

  test('SLACK_API_URL gets the trailing slash the Web API client needs', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SIGNING_SECRET };
    expect(slackApiUrl(loadSlackConfig({ ...base, SLACK_API_URL: 'https://slack-gov.com/api' }))).toBe(
      'https://slack-gov.com/api/',
    );
    expect(slackApiUrl(loadSlackConfig(base))).toBeUndefined();
    expect(configError({ ...base, SLACK_API_URL: 'not a url' })).toContain('SLACK_API_URL');
  });

  test('CYBERBRIEF_SLACK_ADMINS is a list of user ids, or *', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SIGNING_SECRET };
    expect(loadSlackConfig({ ...base, CYBERBRIEF_SLACK_ADMINS: ' U0AAA1, W0BBB2 ,*' }).CYBERBRIEF_SLACK_ADMINS).toEqual(
      ['U0AAA1', 'W0BBB2', '*'],
    );
    expect(configError({ ...base, CYBERBRIEF_SLACK_ADMINS: 'alice' })).toContain('CYBERBRIEF_SLACK_ADMINS');
  });
});

describe('mountSlackFromApp (what `cyberbrief serve` calls)', () => {
  test('without Slack variables nothing is mounted', async () => {
    const app = await openTempApp();
    const http = new HttpServer(app.log);
    try {
      expect(await mountSlackFromApp(http, { app: { ...app, env: {} } })).toBeUndefined();
    } finally {
      await app.dispose();
    }
  });

  test('with them, /slack/events answers on the shared server, and debug logs carry no token or secret', async () => {
    const fake = await FakeSlack.start();
    const app = await openTempApp();
    const lines: string[] = [];
    const log = jsonLogger('debug', (l) => lines.push(l));
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-live-looking-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    };
    const http = new HttpServer(log);
    const runtime = await mountSlackFromApp(http, {
      app: { ...app, env, log, config: { ...app.config, CYBERBRIEF_LOG_LEVEL: 'debug' } },
    });
    const port = await http.listen(0, '127.0.0.1');
    try {
      expect(runtime?.mode).toBe('http');
      expect(fake.api('auth.test')).toHaveLength(1);
      const url = `http://127.0.0.1:${port}/slack/events`;
      expect((await postToSlackEndpoint(url, 'x=1', { headers: {} })).status).toBe(401);
      await postToSlackEndpoint(url, slashCommandBody({ text: 'wannacry', responseUrl: fake.responseUrl('m1') }));
      await fake.waitFor((r) => r.responseId === 'm1');
      expect(lines.length).toBeGreaterThan(0);
      const all = lines.join('\n');
      expect(all).not.toContain('xoxb-live-looking-token');
      expect(all).not.toContain(SIGNING_SECRET);
    } finally {
      await runtime?.stop(1000);
      await http.close(1000);
      await fake.close();
      await app.dispose();
    }
  });

  test('a token Slack rejects stops the start with a clear error', async () => {
    const fake = await FakeSlack.start();
    fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const app = await openTempApp();
    const env = { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
    try {
      await expect(mountSlackFromApp(new HttpServer(app.log), { app: { ...app, env } })).rejects.toThrow(
        /invalid_auth/,
      );
    } finally {
      await fake.close();
      await app.dispose();
    }
  });
});
