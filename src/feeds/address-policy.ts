import ipaddr from 'ipaddr.js';

/**
 * Which addresses a fetch may connect to. Everything that is not plain public unicast is refused
 * (loopback, RFC 1918, link-local and the cloud metadata address in it, unique-local IPv6,
 * carrier-grade NAT, multicast, reserved, and the IPv6 forms that embed an IPv4 address), unless
 * the operator listed it in CYBERBRIEF_FETCH_ALLOW.
 */
export interface AddressPolicy {
  /** Why connecting to `address` (reached through `host`) is refused, or undefined when it is allowed. */
  refusal(address: string, host: string): string | undefined;
  /** The allow list as given, for logs. */
  readonly allowed: readonly string[];
}

export type AllowListParse = { ok: true; policy: AddressPolicy } | { ok: false; error: string };

/**
 * Parses `CYBERBRIEF_FETCH_ALLOW`: comma-separated exact host names, IP addresses or CIDR ranges.
 * A host name entry allows whatever that name resolves to; an address or range allows those
 * addresses whatever name led there.
 */
export function parseAllowList(value: string | undefined): AllowListParse {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry))
        return { ok: false, error: `CYBERBRIEF_FETCH_ALLOW: "${entry}" is not a valid CIDR range` };
      const [addr, bits] = ipaddr.parseCIDR(entry);
      ranges.push([unwrap(addr), addr.kind() === 'ipv6' && unwrap(addr).kind() === 'ipv4' ? bits - 96 : bits]);
    } else if (ipaddr.isValid(stripBrackets(entry))) {
      const addr = unwrap(ipaddr.parse(stripBrackets(entry)));
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      hosts.add(canonicalHost(entry));
    } else {
      return {
        ok: false,
        error: `CYBERBRIEF_FETCH_ALLOW: "${entry}" is neither a host name, an IP address nor a CIDR range`,
      };
    }
  }
  const policy: AddressPolicy = {
    allowed: entries,
    refusal(address: string, host: string): string | undefined {
      if (!ipaddr.isValid(stripBrackets(address))) return `"${address}" is not an IP address`;
      const addr = unwrap(ipaddr.parse(stripBrackets(address)));
      const range = addr.range();
      if (range === 'unicast') return undefined;
      if (hosts.has(canonicalHost(host))) return undefined;
      for (const [net, bits] of ranges) {
        if (net.kind() === addr.kind() && addr.match(net, bits)) return undefined;
      }
      return `${addr.toString()} is a ${describeRange(range, addr.toString())} address`;
    },
  };
  return { ok: true, policy };
}

/**
 * An IPv6 address that carries an IPv4 one is that IPv4 address: mapped (::ffff:7f00:1), SIIT
 * (::ffff:0:7f00:1) and the deprecated IPv4-compatible form (::127.0.0.1, ::a9fe:a9fe), which
 * ipaddr.js files under plain unicast although a stack may still route it to the IPv4 host.
 */
function unwrap(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (addr.kind() !== 'ipv6') return addr;
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const p = v6.parts;
  const zeros = (n: number) => p.slice(0, n).every((x) => x === 0);
  const carried = new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
  // ::ffff:0:a.b.c.d (RFC 6145)
  if (zeros(4) && p[4] === 0xffff && p[5] === 0) return carried;
  // ::a.b.c.d, except :: and ::1, which are IPv6's own unspecified and loopback addresses.
  if (zeros(6) && (p[6] !== 0 || p[7]! > 1)) return carried;
  return addr;
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function canonicalHost(host: string): string {
  return stripBrackets(host).toLowerCase().replace(/\.$/, '');
}

/** True when `host` is an IP literal, which is connected to without any DNS lookup. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(stripBrackets(host));
}

function describeRange(range: string, address: string): string {
  if (address === '169.254.169.254' || address.toLowerCase() === 'fd00:ec2::254') return 'cloud metadata (link-local)';
  const words: Record<string, string> = {
    loopback: 'loopback',
    private: 'private (RFC 1918)',
    linkLocal: 'link-local',
    uniqueLocal: 'unique-local',
    carrierGradeNat: 'carrier-grade NAT',
    unspecified: 'unspecified',
    broadcast: 'broadcast',
    multicast: 'multicast',
  };
  return words[range] ?? `non-public (${range})`;
}
