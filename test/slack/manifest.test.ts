import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../adapters/slack/scopes';

type Obj = Record<string, unknown>;
const dir = join(__dirname, '..', '..', 'adapters', 'slack');
const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')) as Obj;
const at = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Obj | undefined)?.[k], manifest);

describe('manifest.yml agrees with the code', () => {
  test('the slash command is the one the app listens to', () => {
    const commands = at('features.slash_commands') as Obj[];
    expect(commands.map((c) => c.command)).toEqual(['/cyberbrief']);
    expect(String(readFileSync(join(dir, 'commands', 'cyberbrief.ts'), 'utf8'))).toContain("app.command('/cyberbrief'");
    // Slack's own limits on the manifest's strings.
    expect(String(commands[0]!.description).length).toBeLessThanOrEqual(100);
    expect(String(commands[0]!.usage_hint).length).toBeLessThanOrEqual(100);
  });

  test('its bot scopes are exactly the ones the OAuth install asks for', () => {
    expect([...(at('oauth_config.scopes.bot') as string[])].sort()).toEqual([...BOT_SCOPES].sort());
  });

  test('every event the app listens to is subscribed', () => {
    const events = at('settings.event_subscriptions.bot_events') as string[];
    const sources = ['app-home-opened.ts', 'app-uninstalled.ts']
      .map((f) => readFileSync(join(dir, 'listeners', f), 'utf8'))
      .join('\n');
    const listened = [...sources.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    expect(listened.length).toBeGreaterThanOrEqual(3);
    for (const e of listened) expect(events).toContain(e);
  });

  test('buttons work (interactivity), App Home is on, Socket Mode is the default, and the listing text fits Slack’s bounds', () => {
    expect(at('settings.interactivity.is_enabled')).toBe(true);
    expect(at('features.app_home.home_tab_enabled')).toBe(true);
    expect(at('settings.socket_mode_enabled')).toBe(true);
    const long = String(at('display_information.long_description'));
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(String(at('display_information.description')).length).toBeLessThanOrEqual(140);
  });
});
