/**
 * Politeness towards each web server: one request at a time per host, a minimum gap between the
 * start of two requests to it, and a pause when the server asks for one (Retry-After).
 */
export class HostGate {
  private readonly hosts = new Map<string, { tail: Promise<unknown>; nextStart: number; pending: number }>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    const slot = this.hosts.get(host) ?? { tail: Promise.resolve(), nextStart: 0, pending: 0 };
    slot.pending += 1;
    this.hosts.set(host, slot);
    const start = async (): Promise<T> => {
      const wait = slot.nextStart - this.now();
      if (wait > 0) await this.sleep(wait);
      slot.nextStart = this.now() + this.intervalMs;
      return fn();
    };
    const result = slot.tail.then(start, start);
    slot.tail = result.then(
      () => this.settle(host, slot),
      () => this.settle(host, slot),
    );
    return result;
  }

  /** The server asked us to wait (429/503 with Retry-After). */
  pause(url: string, ms: number): void {
    const host = hostOf(url);
    const slot = this.hosts.get(host) ?? { tail: Promise.resolve(), nextStart: 0, pending: 0 };
    slot.nextStart = Math.max(slot.nextStart, this.now() + ms);
    this.hosts.set(host, slot);
  }

  /** Hosts with work queued or a gap still running; idle ones past their gap are forgotten. */
  get size(): number {
    return this.hosts.size;
  }

  private settle(host: string, slot: { pending: number; nextStart: number }): void {
    slot.pending -= 1;
    if (slot.pending === 0 && slot.nextStart <= this.now() && this.hosts.get(host) === slot) this.hosts.delete(host);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
