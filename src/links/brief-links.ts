import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Locale } from '../domain/text';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Where users reach the full brief pages, and how links to them are signed. The secret is required
 * as soon as a public address is set: an unsigned link would open every brief to whoever guesses a URL.
 */
export const LinkConfig = z
  .object({
    CYBERBRIEF_PUBLIC_URL: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must start with https:// (or http:// on a private network)')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    CYBERBRIEF_LINK_SECRET: z.string().optional(),
    CYBERBRIEF_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    CYBERBRIEF_WEB_PUBLIC: bool,
  })
  .superRefine((c, ctx) => {
    if (!c.CYBERBRIEF_PUBLIC_URL || c.CYBERBRIEF_WEB_PUBLIC) return;
    if (!c.CYBERBRIEF_LINK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['CYBERBRIEF_LINK_SECRET'],
        message: 'required when CYBERBRIEF_PUBLIC_URL is set (e.g. `openssl rand -hex 32`)',
      });
    else if (c.CYBERBRIEF_LINK_SECRET.length < 32)
      ctx.addIssue({
        code: 'custom',
        path: ['CYBERBRIEF_LINK_SECRET'],
        message: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)',
      });
  });
export type LinkConfig = z.infer<typeof LinkConfig>;

export type LinkCheck = 'ok' | 'missing' | 'expired' | 'invalid';

/** The path of a subject's page; ids are URL-encoded so `G0032` and `uk-fcdo` alike stay one segment. */
export function briefPath(subjectId: string): string {
  return `/briefs/${encodeURIComponent(subjectId)}`;
}

/**
 * Signed links to the full brief: HMAC-SHA256 over path, language and expiry, so a link opens one
 * subject in one language until it expires, and an altered link opens nothing.
 */
export class BriefLinks {
  private readonly base: string;

  constructor(
    publicUrl: string,
    private readonly secret: string | undefined,
    private readonly ttlDays: number,
    /** Pages open to anyone: links carry no signature and none is checked. */
    readonly publicPages: boolean,
  ) {
    this.base = publicUrl.replace(/\/+$/, '');
  }

  static fromConfig(c: LinkConfig): BriefLinks | undefined {
    if (!c.CYBERBRIEF_PUBLIC_URL) return undefined;
    return new BriefLinks(
      c.CYBERBRIEF_PUBLIC_URL,
      c.CYBERBRIEF_LINK_SECRET,
      c.CYBERBRIEF_LINK_TTL_DAYS,
      c.CYBERBRIEF_WEB_PUBLIC,
    );
  }

  /** The address of a subject's full brief, valid for the configured number of days from `now`. */
  url(subjectId: string, lang: Locale, now: Date = new Date()): string {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlDays * 86_400;
    return `${this.base}${this.relative(subjectId, lang, String(exp))}`;
  }

  /** Path and query of a subject's page expiring at `exp` (seconds since 1970), as another page links to it. */
  relative(subjectId: string, lang: Locale, exp: string | undefined): string {
    const path = briefPath(subjectId);
    if (this.publicPages || !this.secret || !exp) return `${path}?lang=${lang}`;
    return `${path}?lang=${lang}&exp=${exp}&sig=${this.sign(path, lang, exp)}`;
  }

  /** Checks a request's signature; `path` is the request path as served (`/briefs/<id>`). */
  check(path: string, q: { lang?: string; exp?: string; sig?: string }, now: Date = new Date()): LinkCheck {
    if (this.publicPages) return 'ok';
    if (!this.secret || !q.sig || !q.exp || !q.lang) return 'missing';
    if (!/^\d{1,12}$/.test(q.exp) || !/^[A-Za-z0-9_-]{43}$/.test(q.sig)) return 'invalid';
    const expected = Buffer.from(this.sign(path, q.lang, q.exp));
    const given = Buffer.from(q.sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(q.exp) * 1000 < now.getTime() ? 'expired' : 'ok';
  }

  private sign(path: string, lang: string, exp: string): string {
    return createHmac('sha256', this.secret ?? '')
      .update(`${path}\n${lang}\n${exp}`)
      .digest('base64url');
  }
}
