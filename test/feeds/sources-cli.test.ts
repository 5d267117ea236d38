import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { register } from '../../adapters/cli/commands/sources';
import { type CliContext, UsageError } from '../../adapters/cli/context';
import { openApp } from '../../adapters/root';
import { silentLogger } from '../../src/log';
import { packageVersion } from '../../src/package-root';
import { conditional, FeedServer, fixture, redirect } from './support/feed-server';
import { serveOutlets } from './support/outlets';

/** Runs `cyberbrief sources ...` as main.ts would, with the exit codes of DESIGN.md. */
async function run(
  env: NodeJS.ProcessEnv,
  now: () => Date,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    open: () => openApp({ env, log: silentLogger, now }),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    options: { env, now },
  };
  const program = new Command('cyberbrief').configureOutput({ writeOut: ctx.out, writeErr: ctx.err }).exitOverride();
  register(program, ctx);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['sources', ...args], { from: 'user' });
    return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, out, err };
    if (e instanceof UsageError) return { code: 2, out, err: err + e.message };
    throw e;
  } finally {
    process.exitCode = undefined;
  }
}

describe('cyberbrief sources', () => {
  const server = new FeedServer();
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const now = () => new Date('2021-07-20T06:00:00Z');
  const cli = (...args: string[]) => run(env, now, ...args);

  beforeAll(async () => {
    await server.start();
    serveOutlets(server);
    server
      .serve('/broken.xml', fixture('malformed.xml'), 'application/rss+xml')
      .route('/moved.xml', redirect('http://169.254.169.254/latest/meta-data/'))
      .route(
        '/cond.xml',
        conditional(
          () => ({
            text: '<rss version="2.0"><channel><title>Quiet feed</title></channel></rss>',
            version: '1',
            modified: new Date('2021-07-01T00:00:00Z'),
          }),
          'application/rss+xml',
        ),
      );
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-sources-'));
    env = {
      ...process.env,
      CYBERBRIEF_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
      CYBERBRIEF_FEEDS: 'none',
      CYBERBRIEF_FETCH_ALLOW: '127.0.0.1',
      CYBERBRIEF_FETCH_HOST_GAP_MS: '0',
      CYBERBRIEF_LOG_LEVEL: 'silent',
    };
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds feeds, refuses a duplicate or a bad URL, and lists them', async () => {
    expect(
      await cli('add', server.url('/outlet-a.xml'), '--id', 'ledger', '--lang', 'en', '--kind', 'news'),
    ).toMatchObject({ code: 0, out: 'ledger\n' });
    const added = await cli('add', server.url('/cond.xml'), '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      id: '127-0-0-1-cond',
      url: server.url('/cond.xml'),
      origin: 'added',
    });
    expect(await cli('add', server.url('/outlet-a.xml'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/already followed as ledger/),
    });
    expect(await cli('add', 'file:///etc/passwd')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/not an http or https URL/),
    });
    const list = await cli('list', '--json');
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({ id: '127-0-0-1-cond', poll: expect.objectContaining({ failures: 0, remembered: 0 }) }),
      expect.objectContaining({ id: 'ledger', language: 'en', kind: 'news' }),
    ]);
    expect((await cli('list')).out).toMatch(/ledger .*never polled[\s\S]*2 feeds\n$/);
  });

  it('polls one feed: new items, then not modified', async () => {
    const first = await cli('poll', 'ledger');
    expect(first).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^ledger: 3 new items \(1 relevant, \d+ developments? added/),
    });
    expect(server.hits('/outlet-a.xml').at(-1)?.headers['user-agent']).toContain(`cyberbrief/${packageVersion()}`);
    expect(await cli('poll', '127-0-0-1-cond')).toMatchObject({
      code: 0,
      out: '127-0-0-1-cond: 0 new items (0 relevant, 0 developments added)\n',
    });
    expect(await cli('poll', server.url('/cond.xml'))).toMatchObject({
      code: 0,
      out: '127-0-0-1-cond: not modified\n',
    });
    expect(await cli('poll', 'nothing-like-this')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no followed feed nothing-like-this/),
    });
  });

  it('prints one line per feed and exits 3 when some were refused or failed', async () => {
    await cli('add', server.url('/broken.xml'), '--id', 'broken');
    await cli('add', server.url('/moved.xml'), '--id', 'moved');
    const r = await cli('poll');
    expect(r.code).toBe(3);
    const lines = r.out.trim().split('\n').sort();
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('127-0-0-1-cond: not modified');
    expect(lines[1]).toMatch(/^broken: failed: malformed XML at line \d+/);
    expect(lines[2]).toBe('ledger: 0 new items (0 relevant, 0 developments added)');
    expect(lines[3]).toBe('moved: refused: 169.254.169.254 is a cloud metadata (link-local) address');
    expect((await cli('list')).out).toMatch(/moved .*refused 1x: 169\.254\.169\.254 is a cloud metadata/);
  });

  it('removes a feed by id or URL, and says so when there is none', async () => {
    expect(await cli('remove', 'broken')).toMatchObject({ code: 0, out: 'removed broken\n' });
    expect(await cli('remove', server.url('/moved.xml'))).toMatchObject({ code: 0, out: 'removed moved\n' });
    expect(await cli('remove', 'broken')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no followed feed broken/),
    });
    expect(JSON.parse((await cli('list', '--json')).out).map((f: { id: string }) => f.id)).toEqual([
      '127-0-0-1-cond',
      'ledger',
    ]);
  });

  it('follows the starter list unless CYBERBRIEF_FEEDS=none, and remembers a removed starter feed', async () => {
    const starter = { ...env, CYBERBRIEF_FEEDS: 'starter' };
    const ids = async () =>
      JSON.parse((await run(starter, now, 'list', '--json')).out).map((f: { id: string }) => f.id) as string[];
    const all = await ids();
    expect(all).toEqual(
      expect.arrayContaining([
        'cert-fr-alertes',
        'ncsc-uk-news',
        'consilium-press',
        'eeas-news',
        'le-monde-pixels',
        'ledger',
      ]),
    );
    expect(await run(starter, now, 'remove', 'cert-fr-alertes')).toMatchObject({ code: 0 });
    expect(await ids()).not.toContain('cert-fr-alertes');
    expect(await ids()).toHaveLength(all.length - 1);
    // With CYBERBRIEF_FEEDS=none the starter feeds are not followed (nor polled).
    expect(JSON.parse((await cli('list', '--json')).out).map((f: { id: string }) => f.id)).toEqual([
      '127-0-0-1-cond',
      'ledger',
    ]);
  });
  it('never shows feed credentials: not when added, listed or polled', async () => {
    const own = { ...env, CYBERBRIEF_STORE: `sqlite://${join(dir, 'secret-feeds.sqlite')}` };
    const url = server.url('/moved.xml?token=PASSWORD').replace('http://', 'http://reader:PASSWORD@');
    const added = await run(own, now, 'add', url, '--id', 'walled', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out).url).toBe(server.url('/moved.xml?token=***').replace('http://', 'http://***@'));
    const outputs = [added, await run(own, now, 'list'), await run(own, now, 'list', '--json')];
    outputs.push(await run(own, now, 'poll', 'walled'), await run(own, now, 'list'));
    for (const o of outputs) expect(o.out + o.err).not.toContain('PASSWORD');
    expect(outputs[1]!.out).toContain('walled  http://***@127.0.0.1:');
  });
});
