/**
 * Article URLs this process read lately, across feeds: an outlet lists one article in several of
 * its feeds (all news, world, cyber), and it is fetched and read once. Bounded, oldest forgotten.
 */
export class RecentItems {
  private readonly urls = new Map<string, number>();

  constructor(
    private readonly capacity = 50_000,
    private readonly ttlMs = 7 * 86_400_000,
  ) {}

  /** True when `url` was claimed before (and not forgotten); otherwise claims it and returns false. */
  claim(url: string, now: number): boolean {
    const at = this.urls.get(url);
    if (at !== undefined && now - at < this.ttlMs) return true;
    this.urls.delete(url);
    this.urls.set(url, now);
    if (this.urls.size > this.capacity) this.urls.delete(this.urls.keys().next().value as string);
    return false;
  }

  get size(): number {
    return this.urls.size;
  }
}
