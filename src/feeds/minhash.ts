import { normalize } from '../text/normalize';

/** Number of hash functions: the similarity estimate's standard error is about 1/sqrt(64) = 0.125. */
export const SIGNATURE_SIZE = 64;
const PRIME = 4294967291; // largest prime below 2^32

// Fixed coefficients (from a seeded generator) so that signatures stored by one process compare with another's.
const COEFFS: [number, number][] = (() => {
  let s = 0x9e3779b9;
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    s = (s ^ (s >>> 12)) >>> 0;
    return s;
  };
  return Array.from({ length: SIGNATURE_SIZE }, () => [(next() % (PRIME - 1)) + 1, next() % PRIME] as [number, number]);
})();

/** Word shingles of normalized text: "the eu imposed", "eu imposed sanctions", ... */
export function shingles(text: string, size = 3): Set<string> {
  const words = normalize(text)
    .replace(/'/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  const out = new Set<string>();
  if (words.length < size) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i += 1) out.add(words.slice(i, i + size).join(' '));
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** (a*x + b) mod p without losing precision: a*x can reach 2^64, so split x in 16-bit halves. */
function permute(a: number, b: number, x: number): number {
  const hi = Math.floor(x / 65536);
  const lo = x % 65536;
  return (((((a * hi) % PRIME) * 65536) % PRIME) + ((a * lo) % PRIME) + b) % PRIME;
}

/** MinHash signature of a set of shingles. An empty set gives a signature that matches nothing. */
export function minhash(set: Set<string>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(PRIME);
  for (const s of set) {
    const x = fnv1a(s);
    for (let i = 0; i < SIGNATURE_SIZE; i += 1) {
      const [a, b] = COEFFS[i]!;
      const v = permute(a, b, x);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets behind the signatures. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i] && a[i] !== PRIME) same += 1;
  return same / a.length;
}
