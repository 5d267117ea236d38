import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { commandOf } from '../../src/chat/command-words';
import { parseCommand } from '../../src/chat/parse-command';
import { makeIcons } from '../../adapters/teams/scripts/make-icons';
import { APP_PACKAGE_DIR, PackageError, buildAppPackage } from '../../adapters/teams/scripts/package-app';
import { decodePng } from '../../adapters/teams/scripts/png';
import type { Json } from './support/cards';

const APP_ID = '9d3c5a1e-7f2b-4c1d-9e8f-0a1b2c3d4e5f';
const ENV = { MicrosoftAppId: APP_ID, CYBERBRIEF_TEAMS_DOMAIN: 'cyberbrief.example.org' };

/** Entry names and contents of a zip, read from its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('the Teams app package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-teams-pkg-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('npm run teams:package builds a zip with the filled manifest and both icons', () => {
    const { zipPath, manifest } = buildAppPackage(ENV, dir);
    const entries = readZip(readFileSync(zipPath));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
    expect(entries.get('color.png')!.equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
    const unzip = spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.stdout).toMatch(/No errors detected/);
  });

  test('the manifest declares the bot, its commands and the search extension, within the schema’s limits', () => {
    const { manifest: m } = buildAppPackage(
      { ...ENV, CYBERBRIEF_TEAMS_APP_ID: '0f0f0f0f-1111-4222-8333-444444444444' },
      dir,
    ) as { manifest: Json };
    for (const key of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor'])
      expect(m[key]).toBeDefined();
    expect(m.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.id).toBe('0f0f0f0f-1111-4222-8333-444444444444');
    expect(m.name.short.length).toBeLessThanOrEqual(30);
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    expect(m.developer.name.length).toBeLessThanOrEqual(32);
    expect(m.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(m.validDomains).toEqual(['cyberbrief.example.org']);
    expect(m.webApplicationInfo.id).toBe(APP_ID);
    expect(m.authorization.permissions.resourceSpecific).toEqual([
      { name: 'TeamMember.Read.Group', type: 'Application' },
    ]);

    const [bot] = m.bots;
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const [ext] = m.composeExtensions;
    expect(ext.botId).toBe(APP_ID);
    const [search] = ext.commands;
    expect(search).toMatchObject({ type: 'query', initialRun: true });
    expect(search.title.length).toBeLessThanOrEqual(32);
    expect(search.description.length).toBeLessThanOrEqual(128);
    // The handler reads the parameter by this name.
    expect(search.parameters.map((p: Json) => p.name)).toEqual(['query']);
  });

  test('every command the manifest lists is one the bot understands', () => {
    const { manifest: m } = buildAppPackage(ENV, dir) as { manifest: Json };
    // Text that starts with no command word is a lookup of the whole text.
    expect(parseCommand('certainly-not-a-command')).toEqual({
      kind: 'lookup',
      query: 'certainly-not-a-command',
      public: false,
    });
    const titles: string[] = m.bots[0].commandLists.flatMap((l: Json) => l.commands.map((c: Json) => c.title));
    expect(titles.length).toBeLessThanOrEqual(12);
    for (const t of titles) expect(commandOf(t) !== undefined ? '' : `${t} is not a command word`).toBe('');
  });

  test('missing or malformed settings are all named at once', () => {
    expect(() => buildAppPackage({}, dir)).toThrow(PackageError);
    expect(() =>
      buildAppPackage(
        { MicrosoftAppId: 'not-a-guid', CYBERBRIEF_TEAMS_DOMAIN: 'https://x.example.org/api/messages' },
        dir,
      ),
    ).toThrow(/MicrosoftAppId: .*GUID/);
    // A URL pasted for the domain is reduced to its host.
    expect(
      buildAppPackage({ ...ENV, CYBERBRIEF_TEAMS_DOMAIN: 'https://bot.example.org/api/messages' }, dir).manifest
        .validDomains,
    ).toEqual(['bot.example.org']);
    try {
      buildAppPackage({}, dir);
    } catch (e) {
      expect((e as Error).message).toMatch(/MicrosoftAppId[\s\S]*CYBERBRIEF_TEAMS_DOMAIN/);
    }
  });
});

describe('the icons', () => {
  test('colour: 192x192, opaque', () => {
    const png = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
    let translucent = 0;
    for (let i = 3; i < png.rgba.length; i += 4) if (png.rgba[i] !== 255) translucent++;
    expect(translucent).toBe(0);
  });

  test('outline: 32x32, white on a transparent background', () => {
    const png = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) transparent++;
      else if (png.rgba[i] === 255 && png.rgba[i + 1] === 255 && png.rgba[i + 2] === 255) drawn++;
    }
    expect(transparent + drawn).toBe(32 * 32);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(drawn).toBeGreaterThan(32 * 32 * 0.1);
    // The corners are transparent: no background square.
    expect(png.rgba[3]).toBe(0);
  });

  test('the committed icons are what the icon script draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberbrief-icons-'));
    try {
      makeIcons(dir);
      for (const f of ['color.png', 'outline.png'])
        expect(readFileSync(join(dir, f)).equals(readFileSync(join(APP_PACKAGE_DIR, f)))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
