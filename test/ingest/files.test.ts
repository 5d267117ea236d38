import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapturing } from '../support/run-cli';
import { articleFiles, readArticleFile } from '../../src/ingest/files';

const STORY = readFileSync(join(__dirname, '..', 'fixtures', 'articles', 'en-06-viasat.txt'), 'utf8');

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberbrief-files-'));
  env = { ...process.env, CYBERBRIEF_STORE: `sqlite://${join(dir, 'store.sqlite')}`, CYBERBRIEF_FEEDS: 'none' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCliCapturing(args, env);

async function list(...paths: string[]): Promise<{ path: string; problem?: string }[]> {
  const out: { path: string; problem?: string }[] = [];
  for await (const e of articleFiles(paths)) out.push(e);
  return out;
}

describe('article files', () => {
  it('walks a folder whose links loop back up, once, and says which link loops', async () => {
    const root = join(dir, 'looping');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub', 'story.txt'), STORY);
    // Two links back up the tree make every path a new one: without loop detection, a walk without end.
    symlinkSync('..', join(root, 'sub', 'up'));
    symlinkSync('..', join(root, 'sub', 'again'));
    symlinkSync('self.txt', join(root, 'self.txt'));
    symlinkSync(join(root, 'sub', 'story.txt'), join(root, 'linked.txt'));
    const found = await list(root);
    expect(found).toEqual([
      { path: join(root, 'linked.txt') },
      { path: join(root, 'self.txt'), problem: 'symbolic link loop' },
      { path: join(root, 'sub', 'story.txt') },
    ]);
  }, 20_000);

  it('refuses devices and FIFOs by their type, without opening them', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const before = process.memoryUsage().rss;
    for (const p of ['/dev/zero', '/dev/urandom', fifo]) {
      const r = await readArticleFile(p, 5 * 1024 * 1024);
      expect(r).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/is a (device|named pipe).*not a regular file/),
      });
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(await list('/dev/zero', fifo)).toEqual([
      { path: '/dev/zero', problem: expect.stringMatching(/device/) },
      { path: fifo, problem: expect.stringMatching(/named pipe/) },
    ]);
  }, 20_000);

  it('reads no more than the cap of a file', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 'a'));
    expect(await readArticleFile(big, 1024 * 1024)).toMatchObject({ ok: false, problem: /too large/ });
    expect(await readArticleFile(big, 4 * 1024 * 1024)).toMatchObject({ ok: true });
  });

  it('ingest: one refusal line per device or FIFO, exit 3, and the batch goes on', async () => {
    const fifo = join(dir, 'pipe2.txt');
    execFileSync('mkfifo', [fifo]);
    const story = join(dir, 'story.txt');
    writeFileSync(story, STORY);
    const r = await cli('ingest', '/dev/zero', fifo, story);
    expect(r.code).toBe(3);
    expect(r.out).toContain('/dev/zero: refused: is a device, not a regular file');
    expect(r.out).toContain(`${fifo}: refused: is a named pipe (FIFO)`);
    expect(r.out).toMatch(/story\.txt: added/);
  }, 30_000);

  it('extract: a folder, a device or a FIFO is a usage error (exit 2, one line)', async () => {
    const fifo = join(dir, 'pipe3.txt');
    execFileSync('mkfifo', [fifo]);
    for (const [p, why] of [
      [dir, /is a folder, not an article file \(ingest reads folders\)/],
      ['/dev/zero', /is a device/],
      [fifo, /named pipe/],
      [join(dir, 'missing.txt'), /no such file/],
    ] as const) {
      const r = await cli('extract', p);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
