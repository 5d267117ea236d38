import net from 'node:net';
import { parseAllowList, type AddressPolicy } from '../../src/feeds/address-policy';
import { createFetcher } from '../../src/feeds/safe-fetch';

function policy(allow: string): AddressPolicy {
  const p = parseAllowList(allow);
  if (!p.ok) throw new Error(p.error);
  return p.policy;
}

describe('IPv6 forms that carry an IPv4 address', () => {
  it('classifies IPv4-compatible, IPv4-mapped and SIIT forms by the IPv4 address they carry', () => {
    const p = policy('');
    for (const [addr, word] of [
      ['::127.0.0.1', 'loopback'],
      ['::7f00:1', 'loopback'],
      ['::a9fe:a9fe', 'cloud metadata'],
      ['::169.254.169.254', 'cloud metadata'],
      ['::10.0.0.1', 'private'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'cloud metadata'],
      ['::ffff:0:127.0.0.1', 'loopback'],
      ['0:0:0:0:0:0:c0a8:0101', 'private'],
    ] as const) {
      expect(p.refusal(addr, 'x.test')).toContain(word);
    }
    // The unspecified address and ::1 are not IPv4 forms; public IPv4 inside stays public.
    expect(p.refusal('::', 'x.test')).toContain('unspecified');
    expect(p.refusal('::1', 'x.test')).toContain('loopback');
    expect(p.refusal('::93.184.215.14', 'x.test')).toBeUndefined();
  });

  it('lets an allow-listed IPv4 address through in its IPv6 forms', () => {
    const p = policy('127.0.0.1');
    expect(p.refusal('::127.0.0.1', 'x.test')).toBeUndefined();
    expect(p.refusal('::ffff:7f00:1', 'x.test')).toBeUndefined();
    expect(p.refusal('::a9fe:a9fe', 'x.test')).toContain('cloud metadata');
  });

  it('refuses such URLs without attempting a connection', async () => {
    const connects: string[] = [];
    const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args) {
      connects.push(JSON.stringify(args[0]));
      throw new Error('no connection may be attempted');
    });
    const fetcher = createFetcher({ policy: policy(''), userAgent: 'cyberbrief/test', timeoutMs: 2000 });
    try {
      for (const [url, word] of [
        ['http://[::127.0.0.1]:8080/feed.xml', 'loopback'],
        ['http://[::a9fe:a9fe]/latest/meta-data/', 'cloud metadata'],
        ['http://[::ffff:7f00:1]/feed.xml', 'loopback'],
      ] as const) {
        expect(await fetcher.fetch(url)).toMatchObject({ kind: 'refused', reason: expect.stringContaining(word) });
      }
      expect(connects).toEqual([]);
    } finally {
      fetcher.close();
      spy.mockRestore();
    }
  });
});
