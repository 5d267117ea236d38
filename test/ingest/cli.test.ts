import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { openApp } from '../../adapters/root';
import { type CliContext, UsageError } from '../../adapters/cli/context';
import { register as extract } from '../../adapters/cli/commands/extract';
import { register as ingest } from '../../adapters/cli/commands/ingest';
import { silentLogger } from '../../src/log';
import { seedFiles } from './support';

const GOOD =
  'Date: 2018-10-04\n\nLes Pays-Bas ont expulsé jeudi quatre agents du GRU, le renseignement militaire russe, qui tentaient de pirater le réseau de l’OIAC à La Haye en avril. ' +
  "Londres attribue formellement l'opération au GRU. Moscou a rejeté ces accusations qu'il juge absurdes.";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberbrief-ingest-cli-'));
  env = {
    ...process.env,
    CYBERBRIEF_STORE: `sqlite://${join(dir, 'cli.sqlite')}`,
    CYBERBRIEF_FEEDS: 'none',
    CYBERBRIEF_LOG_LEVEL: 'silent',
    NO_COLOR: '1',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the two commands as the CLI would, with output captured. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    open: () => openApp({ env, log: silentLogger, now: () => new Date('2026-03-02T09:00:00Z') }),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    options: { env, now: () => new Date('2026-03-02T09:00:00Z') },
  };
  const program = new Command('cyberbrief').exitOverride().configureOutput({ writeOut: ctx.out, writeErr: ctx.err });
  extract(program, ctx);
  ingest(program, ctx);
  process.exitCode = undefined;
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    // As adapters/cli/main.ts does: bad usage exits 2 with one line, anything else is a fault.
    if (e instanceof UsageError) {
      code = 2;
      err += `cyberbrief: ${e.message}\n`;
    } else code = (e as { exitCode?: number }).exitCode ?? 70;
  } finally {
    process.exitCode = undefined;
  }
  return { code, out, err };
}

describe('cyberbrief extract', () => {
  it('prints the JSON contract of DESIGN.md and stores nothing', async () => {
    const file = join(dir, 'opcw.txt');
    writeFileSync(file, GOOD);
    const r = await cli('extract', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual(['actors', 'developments', 'incidents', 'language', 'published']);
    expect(json).toMatchObject({
      language: 'fr',
      published: '2018-10-04',
      incidents: [{ id: 'opcw-2018', match: 'existing', name: expect.any(String) }],
    });
    expect(json.actors).toEqual(
      expect.arrayContaining([
        { id: 'NL', kind: 'state', name: 'Pays-Bas' },
        expect.objectContaining({ id: 'RU-GRU', kind: 'organisation' }),
      ]),
    );
    for (const d of json.developments)
      expect(Object.keys(d).sort()).toEqual(['against', 'by', 'date', 'evidence', 'incidents', 'type']);
    expect(json.developments.map((d: { type: string }) => d.type).sort()).toEqual([
      'attack',
      'attribution',
      'denial',
      'expulsion',
    ]);
    // Nothing was stored: the same file is then ingested as new.
    expect((await cli('ingest', file)).out).toMatch(/opcw\.txt: added 4 developments/);
  });

  it('says plainly why a file is not an article, with exit code 1', async () => {
    const file = join(dir, 'blob.bin');
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    const r = await cli('extract', file);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(/blob\.bin: not text/);
  });

  it('rejects a malformed --published with exit code 2 and the option named', async () => {
    const file = join(dir, 'opcw2.txt');
    writeFileSync(file, GOOD);
    const r = await cli('extract', file, '--published', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--published: "yesterday" is not a date/);
  });
});

describe('cyberbrief ingest', () => {
  it('goes on past bad files, one line each, and exits 3 when some were refused', async () => {
    const batch = join(dir, 'batch');
    require('node:fs').mkdirSync(batch);
    writeFileSync(join(batch, 'a-good.txt'), GOOD.replace('jeudi', 'ce jeudi'));
    writeFileSync(join(batch, 'b-empty.txt'), '');
    writeFileSync(join(batch, 'c-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    writeFileSync(join(batch, 'd-latin1.txt'), iconv.encode(GOOD.replace('Moscou', 'Le Kremlin'), 'latin1'));
    writeFileSync(join(batch, 'e-huge.txt'), Buffer.alloc(10 * 1024 * 1024, 97));
    writeFileSync(
      join(batch, 'f-script.html'),
      `<html><body><script>alert("x")</script><article><p>${GOOD.slice(18)}</p></article></body></html>`,
    );
    writeFileSync(join(batch, 'g-data.txt'), 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,14,15\n16,17,18\n19,20,21\n');
    writeFileSync(join(batch, 'labels.yaml'), 'not: an article');
    const r = await cli('ingest', batch);
    expect(r.code).toBe(3);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(8);
    // The same acts were read from another file by the first test: they become more sources, not duplicates.
    expect(lines[0]).toMatch(
      /a-good\.txt: added \d+ developments?(; \d+ already known from another source)?; linked to opcw-2018/,
    );
    expect(lines[1]).toMatch(/b-empty\.txt: refused: empty file/);
    expect(lines[2]).toMatch(/c-binary\.txt: refused: not text: looks like a PDF document/);
    expect(lines[3]).toMatch(/d-latin1\.txt: (added|already)/);
    expect(lines[4]).toMatch(/e-huge\.txt: refused: too large for an article \(10\.0 MB; the limit is 5 MB\)/);
    expect(lines[5]).toMatch(/f-script\.html: (added|already ingested)/);
    expect(lines[6]).toMatch(/g-data\.txt: refused: not an article/);
    expect(lines[7]).toMatch(
      /^7 files: 2 added \(\d+ developments, \d+ told before by another source, 0 new incidents\), 1 already ingested, 0 with nothing to record, 4 refused$/,
    );
    expect(r.out).not.toContain('alert');
  });

  it('changes nothing the second time', async () => {
    const file = join(dir, 'again.txt');
    writeFileSync(file, GOOD.replace('Londres', 'Le Royaume-Uni'));
    expect((await cli('ingest', file)).out).toMatch(/again\.txt: added/);
    const second = await cli('ingest', file);
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toMatch(/again\.txt: already ingested, nothing changed\n1 file: 0 added .* 1 already ingested/);
  });

  (seedFiles().length > 0 ? it : it.skip)('reads the seed directory', async () => {
    const r = await cli('ingest', seedFiles()[0]!.replace(/\/[^/]+$/, ''));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 files: 3 added/);
  });
});
