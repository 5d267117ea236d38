import { webPageDeps } from '../../adapters/web/app-deps';
import { renderBriefPage } from '../../adapters/web/page';
import { openTempApp } from '../support/temp-app';
import { percentile } from './stats';

/**
 * Full brief pages (issue 16): time to compose and render one page in-process, over every
 * incident of the knowledge base and the busiest actors in both languages, and the heaviest page's weight, SVGs included.
 */
export async function bench(): Promise<Record<string, string | number>> {
  const app = await openTempApp({
    CYBERBRIEF_PUBLIC_URL: 'https://briefs.example.org',
    CYBERBRIEF_LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
  });
  try {
    const deps = webPageDeps(app, app.links!);
    const links = { stylesheet: '../assets/brief.css', subject: (id: string) => `./${id}` };
    const run = (ids: string[], rounds: number) => {
      const times: number[] = [];
      let heaviest = { id: '', bytes: 0 };
      for (let round = 0; round < rounds; round++)
        for (const id of ids)
          for (const lang of ['en', 'fr'] as const) {
            const t0 = performance.now();
            const page = renderBriefPage(deps.briefOf(id, lang)!, links, deps.asOf());
            times.push(performance.now() - t0);
            const bytes = Buffer.byteLength(page);
            if (bytes > heaviest.bytes) heaviest = { id: `${id} (${lang})`, bytes };
          }
      return { times, heaviest };
    };
    const incidents = run([...app.briefing.data.incidents.keys()], 20);
    // The actors in the most incidents make the heaviest actor pages.
    const actors = run(['RU', 'CN', 'KP', 'US', 'G0007', 'G0032'], 10);
    const ms = (t: number[], p: number) => percentile(t, p).toFixed(2);
    return {
      'web page render, KB incident (count)': incidents.times.length,
      'web page render, KB incident p50 (ms)': ms(incidents.times, 50),
      'web page render, KB incident p99 (ms)': ms(incidents.times, 99),
      'web page heaviest incident (KB, SVGs included)': `${(incidents.heaviest.bytes / 1024).toFixed(1)} (${incidents.heaviest.id})`,
      'web page render, busiest actors p99 (ms)': ms(actors.times, 99),
      'web page heaviest actor (KB, SVGs included)': `${(actors.heaviest.bytes / 1024).toFixed(1)} (${actors.heaviest.id})`,
    };
  } finally {
    await app.dispose();
  }
}
