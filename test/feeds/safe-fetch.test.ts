import net from 'node:net';
import iconv from 'iconv-lite';
import { parseAllowList, type AddressPolicy } from '../../src/feeds/address-policy';
import { decodeBody } from '../../src/feeds/decode-text';
import { createFetcher, type Fetcher } from '../../src/feeds/safe-fetch';
import { compressed, conditional, endless, FeedServer, fixture, redirect } from './support/feed-server';

function policy(allow: string): AddressPolicy {
  const p = parseAllowList(allow);
  if (!p.ok) throw new Error(p.error);
  return p.policy;
}

describe('safe fetcher against a loopback server', () => {
  const server = new FeedServer();
  let fetcher: Fetcher;
  let version = '1';
  const errorBodySent: number[] = [];
  const connects: string[] = [];
  let connectSpy: jest.SpyInstance;

  beforeAll(async () => {
    await server.start();
    const modified = new Date('2021-07-19T12:00:00Z');
    server
      .serve('/rss.xml', fixture('outlet-a.rss.xml'), 'application/rss+xml; charset=utf-8')
      .route(
        '/conditional.xml',
        conditional(
          () => ({ text: `<rss version="2.0"><channel><title>v${version}</title></channel></rss>`, version, modified }),
          'application/rss+xml',
        ),
      )
      .route('/huge', endless(50 * 1024 * 1024, false))
      .route('/huge-declared', endless(50 * 1024 * 1024, true))
      .route(
        '/huge-error',
        endless(50 * 1024 * 1024, false, 500, (n) => errorBodySent.push(n)),
      )
      .route('/slow', () => {
        // Never answers: the fetcher's deadline must end it.
      })
      .route('/loop-a', redirect('/loop-b'))
      .route('/loop-b', redirect('/loop-a'))
      .route('/hop-1', redirect('/hop-2', 301))
      .route('/hop-2', redirect('/rss.xml', 308))
      .route('/to-private', redirect('http://10.0.0.1/feed.xml'))
      .route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'))
      .route('/to-named-metadata', redirect('http://metadata.internal.test/computeMetadata/v1/'))
      .route('/to-file', redirect('file:///etc/passwd'))
      .route(
        '/gzip.xml',
        compressed('<rss version="2.0"><channel><title>gzipped</title></channel></rss>', 'application/rss+xml', 'gzip'),
      )
      .route(
        '/br.xml',
        compressed('<rss version="2.0"><channel><title>brotli</title></channel></rss>', 'application/rss+xml', 'br'),
      )
      .route(
        '/deflate.xml',
        compressed(
          '<rss version="2.0"><channel><title>deflate</title></channel></rss>',
          'application/rss+xml',
          'deflate',
        ),
      )
      .route(
        '/deflate-raw.xml',
        compressed(
          '<rss version="2.0"><channel><title>raw deflate</title></channel></rss>',
          'application/rss+xml',
          'deflate-raw',
        ),
      )
      .route('/bomb.xml', compressed(' '.repeat(20 * 1024 * 1024), 'application/rss+xml', 'gzip'))
      .route('/busy', (_req, res) => {
        res.writeHead(503, { 'retry-after': '120' });
        res.end();
      })
      .serve(
        '/latin1.html',
        iconv.encode(fixture('articles/latin1-article.source.html').toString('utf8'), 'latin1'),
        'text/html; charset=ISO-8859-1',
      );
    const resolveNames = async (host: string) => {
      // Stands in for DNS: a public-looking name that points at the metadata service.
      if (host === 'metadata.internal.test') return [{ address: '169.254.169.254', family: 4 }];
      if (host === 'loopback.test') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    fetcher = createFetcher({
      policy: policy('127.0.0.1'),
      userAgent: 'cyberbrief/9.9.9 (test)',
      timeoutMs: 1500,
      resolve: resolveNames,
    });
    const original = net.Socket.prototype.connect;
    connectSpy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
      this: net.Socket,
      ...args: unknown[]
    ) {
      // net.connect hands over its normalized arguments as one array.
      const opts = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string; port?: number } | number;
      connects.push(typeof opts === 'object' ? `${opts.host ?? ''}:${opts.port ?? ''}` : String(opts));
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    });
  });

  afterAll(async () => {
    connectSpy.mockRestore();
    fetcher.close();
    await server.stop();
  });

  it('fetches a feed and sends a User-Agent naming cyberbrief and its version', async () => {
    const r = await fetcher.fetch(server.url('/rss.xml'));
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.body.toString('utf8')).toContain('Western governments accuse China');
    expect(server.hits('/rss.xml')[0]?.headers['user-agent']).toMatch(/^cyberbrief\/9\.9\.9\b/);
    expect(server.hits('/rss.xml')[0]?.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('sends validators back and reports 304 as not modified, then a new version as ok', async () => {
    const first = await fetcher.fetch(server.url('/conditional.xml'));
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    expect(first.etag).toBe('"v-1"');
    const second = await fetcher.fetch(server.url('/conditional.xml'), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.kind).toBe('not_modified');
    const sent = server.hits('/conditional.xml')[1]?.headers;
    expect(sent?.['if-none-match']).toBe('"v-1"');
    expect(sent?.['if-modified-since']).toBe(first.lastModified);
    version = '2';
    const third = await fetcher.fetch(server.url('/conditional.xml'), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(third.kind).toBe('ok');
    if (third.kind === 'ok') expect(third.body.toString()).toContain('v2');
  });

  it('stops reading a 50 MB body at the 5 MB cap, streamed or declared', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const streamed = await fetcher.fetch(server.url('/huge'));
    expect(streamed).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/exceeds the 5242880-byte cap/) });
    const declared = await fetcher.fetch(server.url('/huge-declared'));
    expect(declared).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/52428800 bytes exceeds/) });
    // Far less than the 50 MB the server offered stayed allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('does not read the body of an error answer', async () => {
    const r = await fetcher.fetch(server.url('/huge-error'));
    expect(r).toMatchObject({ kind: 'failed', status: 500, reason: 'HTTP 500' });
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 100 && errorBodySent.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    // The server was cut off long before its 50 MB were through.
    expect(errorBodySent[0]).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a compressed body that inflates past the cap', async () => {
    const r = await fetcher.fetch(server.url('/bomb.xml'));
    expect(r).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/decompressed body exceeds/) });
  });

  it('gives up on a server that never answers', async () => {
    const r = await fetcher.fetch(server.url('/slow'));
    expect(r).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/timed out after 1500 ms/) });
  });

  it('detects a redirect loop and follows a short chain of redirects', async () => {
    expect(await fetcher.fetch(server.url('/loop-a'))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/redirect loop/),
    });
    const chain = await fetcher.fetch(server.url('/hop-1'));
    expect(chain).toMatchObject({ kind: 'ok', redirects: 2, url: server.url('/rss.xml') });
  });

  it('stops after the redirect limit', async () => {
    const short = createFetcher({ policy: policy('127.0.0.1'), userAgent: 'cyberbrief/test', maxRedirects: 1 });
    try {
      expect(await short.fetch(server.url('/hop-1'))).toMatchObject({
        kind: 'failed',
        reason: 'more than 1 redirects',
      });
    } finally {
      short.close();
    }
  });

  it('refuses redirects to private and metadata addresses even though the first hop was allowed, without connecting', async () => {
    connects.length = 0;
    expect(await fetcher.fetch(server.url('/to-private'))).toMatchObject({
      kind: 'refused',
      url: 'http://10.0.0.1/feed.xml',
      reason: expect.stringMatching(/10\.0\.0\.1 is a private/),
    });
    expect(await fetcher.fetch(server.url('/to-metadata'))).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/169\.254\.169\.254 is a cloud metadata/),
    });
    // A host name is checked on the address it resolves to, inside the connection's own lookup.
    expect(await fetcher.fetch(server.url('/to-named-metadata'))).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/metadata\.internal\.test resolves to 169\.254\.169\.254/),
    });
    expect(await fetcher.fetch(server.url('/to-file'))).toMatchObject({
      kind: 'refused',
      reason: 'scheme file: is not http or https',
    });
    expect(connects.filter((c) => /10\.0\.0\.1|169\.254/.test(c))).toEqual([]);
    // The spy does see connections: a fresh fetcher (no pooled socket) shows up in it.
    const fresh = createFetcher({ policy: policy('127.0.0.1'), userAgent: 'cyberbrief/test' });
    try {
      await fresh.fetch(server.url('/rss.xml'));
      expect(connects.some((c) => c.startsWith('127.0.0.1:'))).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('refuses loopback when it is not allowed, by address or by name', async () => {
    const strict = createFetcher({
      policy: policy(''),
      userAgent: 'cyberbrief/test',
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const before = server.requests.length;
      expect(await strict.fetch(server.url('/rss.xml'))).toMatchObject({
        kind: 'refused',
        reason: expect.stringMatching(/127\.0\.0\.1 is a loopback address/),
      });
      const port = new URL(server.origin).port;
      expect(await strict.fetch(`http://loopback.test:${port}/rss.xml`)).toMatchObject({
        kind: 'refused',
        reason: expect.stringMatching(/resolves to 127\.0\.0\.1 is a loopback/),
      });
      expect(server.requests.length).toBe(before);
    } finally {
      strict.close();
    }
  });

  it('allows a host by exact name when listed', async () => {
    const byName = createFetcher({
      policy: policy('loopback.test'),
      userAgent: 'cyberbrief/test',
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const port = new URL(server.origin).port;
      expect((await byName.fetch(`http://loopback.test:${port}/rss.xml`)).kind).toBe('ok');
    } finally {
      byName.close();
    }
  });

  it('decompresses gzip, brotli and both kinds of deflate', async () => {
    for (const [path, title] of [
      ['/gzip.xml', 'gzipped'],
      ['/br.xml', 'brotli'],
      ['/deflate.xml', 'deflate'],
      ['/deflate-raw.xml', 'raw deflate'],
    ]) {
      const r = await fetcher.fetch(server.url(path!));
      expect(r.kind).toBe('ok');
      if (r.kind === 'ok') expect(r.body.toString('utf8')).toContain(`<title>${title}</title>`);
    }
  });

  it('reports an HTTP error with the pause the server asked for', async () => {
    const r = await fetcher.fetch(server.url('/busy'));
    expect(r).toMatchObject({ kind: 'failed', status: 503, reason: 'HTTP 503', retryAfterMs: 120_000 });
  });

  it('decodes a Latin-1 page by its declared charset', async () => {
    const r = await fetcher.fetch(server.url('/latin1.html'));
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.body.includes(Buffer.from('Norv\u00e8ge', 'utf8'))).toBe(false);
    const { text, charset } = decodeBody(r.body, r.contentType, 'html');
    expect(charset).toBe('windows-1252');
    expect(text).toContain('La Norvège accuse la Chine');
    expect(text).toContain('« campagne de dénigrement »');
  });
});

describe('allow list', () => {
  it('parses hosts, addresses and ranges and rejects nonsense', () => {
    const p = policy('127.0.0.1, 10.1.0.0/16, feeds.internal, ::1');
    expect(p.refusal('127.0.0.1', '127.0.0.1')).toBeUndefined();
    expect(p.refusal('10.1.2.3', 'x.test')).toBeUndefined();
    expect(p.refusal('10.2.0.1', 'x.test')).toMatch(/private/);
    expect(p.refusal('192.168.1.10', 'feeds.internal')).toBeUndefined();
    expect(p.refusal('::1', '::1')).toBeUndefined();
    expect(p.refusal('::ffff:127.0.0.1', 'x.test')).toBeUndefined();
    expect(parseAllowList('10.0.0.0/33')).toMatchObject({ ok: false, error: expect.stringMatching(/10\.0\.0\.0\/33/) });
    expect(parseAllowList('http://x')).toMatchObject({ ok: false });
  });

  it('refuses every non-public range and lets public unicast through', () => {
    const p = policy('');
    for (const [addr, word] of [
      ['127.0.0.1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['192.168.0.1', 'private'],
      ['169.254.169.254', 'metadata'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['0.0.0.0', 'unspecified'],
      ['::1', 'loopback'],
      ['fe80::1', 'link-local'],
      ['fd00:ec2::254', 'metadata'],
      ['fc00::5', 'unique-local'],
      ['::ffff:10.0.0.1', 'private'],
      ['224.0.0.1', 'multicast'],
    ]) {
      expect(p.refusal(addr!, 'x.test')).toContain(word);
    }
    expect(p.refusal('93.184.215.14', 'x.test')).toBeUndefined();
    expect(p.refusal('2a00:1450:4007:80e::200e', 'x.test')).toBeUndefined();
  });
});
