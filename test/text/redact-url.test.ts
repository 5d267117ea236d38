import { runCli } from '../../adapters/cli/main';
import { jsonLogger, silentLogger } from '../../src/log';
import { maskUrl } from '../../src/store/kv';
import { redactUrl, redactUrlsIn } from '../../src/text/redact-url';

describe('redactUrl', () => {
  it.each([
    ['redis://:PASSWORD@cache.internal:6379', 'redis://***@cache.internal:6379'],
    ['rediss://default:PASSWORD@cache.internal:6380/0', 'rediss://***@cache.internal:6380/0'],
    ['redis://PASSWORD@cache.internal', 'redis://***@cache.internal'],
    ['postgresql://app:PASSWORD@db.internal:5432/cyberbrief', 'postgresql://***@db.internal:5432/cyberbrief'],
    [
      'postgresql://db.internal/cyberbrief?user=app&password=PASSWORD',
      'postgresql://db.internal/cyberbrief?user=app&password=***',
    ],
    ['postgres://db/x?sslpassword=PASSWORD&sslmode=require', 'postgres://db/x?sslpassword=***&sslmode=require'],
    ['https://reader:PASSWORD@feeds.example.org/rss.xml', 'https://***@feeds.example.org/rss.xml'],
    ['https://a:b:c@PASSWORD@h.example/x', 'https://***@h.example/x'],
    ['https://feeds.example.org/rss?token=PASSWORD&lang=fr', 'https://feeds.example.org/rss?token=***&lang=fr'],
    ['https://h.example/rss?api_key=PASSWORD&keywords=cyber', 'https://h.example/rss?api_key=***&keywords=cyber'],
    ['https://h.example/rss?key=PASSWORD', 'https://h.example/rss?key=***'],
    ['https://h.example/f?pass=PASSWORD;pwd=PASSWORD', 'https://h.example/f?pass=***;pwd=***'],
    ['https://h.example/f?client_secret=PASSWORD#sig=x', 'https://h.example/f?client_secret=***#sig=***'],
    [
      'https://s3.example/f?X-Amz-Credential=PASSWORD&X-Amz-Signature=PASSWORD',
      'https://s3.example/f?X-Amz-Credential=***&X-Amz-Signature=***',
    ],
    ['https://h.example/f?sig=PASSWORD&access_token=PASSWORD', 'https://h.example/f?sig=***&access_token=***'],
    ['https://h.example/f?Auth=PASSWORD', 'https://h.example/f?Auth=***'],
    ['https://h.example/f?pass%77ord=PASSWORD', 'https://h.example/f?pass%77ord=***'],
    ['not a url?password=PASSWORD', 'not a url?password=***'],
  ])('%s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
    expect(redactUrl(url)).not.toContain('PASSWORD');
  });

  it('leaves URLs without credentials exactly as written', () => {
    for (const url of [
      'sqlite://./data/cyberbrief.sqlite',
      'redis://127.0.0.1:6379',
      'https://www.cert.ssi.gouv.fr/alerte/feed/?lang=fr&page=2',
      'https://h.example/search?keywords=apt28&monkey=1',
      'https://h.example/path%20with%20escapes',
    ])
      expect(redactUrl(url)).toBe(url);
  });

  it('masks every URL inside a free text', () => {
    expect(redactUrlsIn('connect to redis://:PASSWORD@h:6379 failed; see https://x.example/?token=PASSWORD.')).toBe(
      'connect to redis://***@h:6379 failed; see https://x.example/?token=***.',
    );
  });
});

describe('log lines', () => {
  const lines = (fn: (log: ReturnType<typeof jsonLogger>) => void): string => {
    const out: string[] = [];
    fn(jsonLogger('debug', (l) => out.push(l)));
    return out.join('\n');
  };

  it('never carry a store password, even one the store mask let through', () => {
    const text = lines((log) => {
      // serve.listening logs the store's own mask, which missed passwords without a user name.
      log.info('serve.listening', { store: maskUrl('redis://:PASSWORD@cache.internal:6379') });
      log.info('serve.listening', { store: maskUrl('postgresql://db.internal/x?password=PASSWORD') });
    });
    expect(text).not.toContain('PASSWORD');
    expect(text).toContain('redis://***@cache.internal:6379');
  });

  it('never carry feed credentials, in fields, nested values or error messages', () => {
    const text = lines((log) => {
      log.warn('feed.refused', { feed: 'x', url: 'https://reader:PASSWORD@feeds.example/rss?token=PASSWORD' });
      log.error('feed.item_failed', { error: new Error('fetch https://u:PASSWORD@h.example/ failed') });
      log.info('feeds.poll_done', { feeds: [{ url: 'https://h.example/?secret=PASSWORD' }] });
    });
    expect(text).not.toContain('PASSWORD');
    expect(text).toContain('https://***@feeds.example/rss?token=***');
  });
});

describe('CLI messages', () => {
  it('never print the password of a store URL they quote', async () => {
    let err = '';
    const code = await runCli(
      ['incidents'],
      { env: { ...process.env, CYBERBRIEF_STORE: 'mongodb://:PASSWORD@db.internal/cyberbrief' }, log: silentLogger },
      { out: () => undefined, err: (t) => void (err += t) },
    );
    expect(code).toBe(78); // an unsupported store is a configuration error
    expect(err).toContain('CYBERBRIEF_STORE');
    expect(err).not.toContain('PASSWORD');
  });
});
