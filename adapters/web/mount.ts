import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Brief } from '../../src/domain/brief';
import { Locale } from '../../src/domain/text';
import type { BriefLinks } from '../../src/links/brief-links';
import { briefPath } from '../../src/links/brief-links';
import type { Logger } from '../../src/log';
import { packageRoot } from '../../src/package-root';
import type { HttpServer } from '../server/http-server';
import { type PageLinks, renderBriefPage, renderIndexPage, renderNotFoundPage, renderRefusalPage } from './page';

/** What the pages need from the core. */
export interface WebPageDeps {
  links: BriefLinks;
  /** The brief of one subject (incident or actor id), or undefined when no subject has that id. */
  briefOf(subjectId: string, locale: Locale): Brief | undefined;
  /** Incidents for the public index, newest first; `query` filters when given. */
  incidents(query: string, locale: Locale): { id: string; name: string; start: string }[];
  /** The knowledge base's newest curated date, for "as of". */
  asOf(): string | undefined;
  defaultLocale: Locale;
  log: Logger;
  now?: () => Date;
}

/**
 * No script at all, styles only from this server, no framing, no referrer: a page that shows
 * article text must never run it or leak where the reader came from.
 */
export const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
} as const;

const MAX_URL = 2048;
const STYLESHEET_PATH = '/assets/brief.css';

/**
 * `GET /briefs/<subject>` (signed links, or open with CYBERBRIEF_WEB_PUBLIC=1), its stylesheet, and
 * with public pages an index at `/briefs/`. Anything malformed is a 4xx, never a 5xx.
 */
export function mountWebPages(http: HttpServer, deps: WebPageDeps): void {
  const css = readFileSync(join(packageRoot(), 'adapters', 'web', 'brief.css'), 'utf8');
  const now = deps.now ?? (() => new Date());

  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8') => {
    res
      .writeHead(status, {
        ...PAGE_HEADERS,
        'content-type': type,
        'cache-control': status === 200 && type.startsWith('text/css') ? 'public, max-age=3600' : 'private, no-store',
      })
      .end(body);
  };

  http.route('GET', STYLESHEET_PATH, (_req, res) => send(res, 200, css, 'text/css; charset=utf-8'));

  http.routePrefix('GET', '/briefs/', (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    if (raw.length > MAX_URL) return send(res, 414, renderNotFoundPage(deps.defaultLocale, '../assets/brief.css'));
    let url: URL;
    let subject: string;
    try {
      url = new URL(raw, 'http://local');
      subject = decodeURIComponent(url.pathname.slice('/briefs/'.length));
    } catch {
      return send(res, 400, renderNotFoundPage(deps.defaultLocale, '../assets/brief.css'));
    }
    const langParam = url.searchParams.get('lang') ?? undefined;
    const parsedLang = Locale.safeParse(langParam ?? deps.defaultLocale);
    const locale: Locale = parsedLang.success ? parsedLang.data : deps.defaultLocale;
    // Relative, so the stylesheet is found behind a reverse proxy's path prefix too.
    const stylesheet = '../assets/brief.css';
    if (subject === '') {
      if (!deps.links.publicPages) return send(res, 403, renderRefusalPage(locale, 'missing', stylesheet));
      const q = (url.searchParams.get('q') ?? '').slice(0, 200);
      return send(res, 200, renderIndexPage(locale, deps.incidents(q, locale), q, pageLinks(undefined)));
    }
    // eslint-disable-next-line no-control-regex -- ids never hold control characters; a path that does is hostile
    if (subject.includes('/') || subject.length > 200 || /[\u0000-\u001f]/.test(subject))
      return send(res, 404, renderNotFoundPage(locale, stylesheet));

    const exp = url.searchParams.get('exp') ?? undefined;
    const check = deps.links.check(
      briefPath(subject),
      { lang: langParam, exp, sig: url.searchParams.get('sig') ?? undefined },
      now(),
    );
    if (check !== 'ok') {
      deps.log.info('web.page_refused', { reason: check });
      return send(res, 403, renderRefusalPage(locale, check, stylesheet));
    }
    if (!parsedLang.success) return send(res, 400, renderNotFoundPage(deps.defaultLocale, stylesheet));
    const brief = deps.briefOf(subject, locale);
    if (!brief || brief.status !== 'found') return send(res, 404, renderNotFoundPage(locale, stylesheet));
    send(res, 200, renderBriefPage(brief, pageLinks(exp), deps.asOf()));
  });

  /** Links from one page to another keep the expiry of the link that opened it: browsing never extends access. */
  function pageLinks(exp: string | undefined): PageLinks {
    return {
      stylesheet: '../assets/brief.css',
      subject: (id, lang) => {
        const signed = deps.links.relative(id, lang, exp);
        return `.${signed.slice('/briefs'.length)}`;
      },
    };
  }
}
