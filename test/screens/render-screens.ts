/**
 * `npm run screens`: pictures of what a reader sees, for anyone reviewing a change. Writes PNGs
 * under screens/ (not committed): the first Slack answer (a Block Kit approximation), the first
 * Teams card (rendered by the adaptivecards package itself) and the full brief page, for two
 * subjects in both languages, at 390 px (a phone) and 1280 px. Needs Debian's Chromium
 * (`apt-get install -y chromium`); nothing downloads a browser.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escape } from 'html-escaper';
import { startServe } from '../../adapters/server/start-serve';
import type { KnownBlock } from '../../adapters/slack/blocks';
import { renderBrief as renderSlackBrief } from '../../adapters/slack/render-brief';
import { renderBrief as renderTeamsBrief } from '../../adapters/teams/render-brief';
import { launchChromium } from '../support/chromium';
import { openTempApp } from '../support/temp-app';

const OUT = join(__dirname, '..', '..', 'screens');
const PUBLIC_URL = 'https://briefs.example.org';
const SUBJECTS = [
  { kind: 'incident' as const, id: 'wannacry' },
  { kind: 'actor' as const, id: 'G0032' },
];
const WIDTHS = [390, 1280];

/** Slack mrkdwn as a reader sees it: bold, italics, links by their label, entities kept escaped. */
function mrkdwn(text: string): string {
  return escape(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .replace(/&lt;(https?:[^|&]+(?:&amp;[^|&]+)*)\|([^&]+?)&gt;/g, '<a href="#">$2</a>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/\n/g, '<br>');
}

function blockKitHtml(blocks: KnownBlock[]): string {
  const parts = blocks.map((b) => {
    const x = b as unknown as Record<string, unknown>;
    const textOf = (t: unknown) => mrkdwn(((t as { text?: string } | undefined)?.text ?? '') as string);
    switch (x.type) {
      case 'header':
        return `<h1>${textOf(x.text)}</h1>`;
      case 'section':
        return `<p>${textOf(x.text)}${((x.fields as unknown[]) ?? []).map((f) => `<span class="f">${textOf(f)}</span>`).join('')}</p>`;
      case 'context':
        return `<p class="ctx">${((x.elements as unknown[]) ?? []).map(textOf).join(' ')}</p>`;
      case 'actions':
        return `<p>${((x.elements as { text: { text: string } }[]) ?? []).map((e) => `<button>${escape(e.text.text)}</button>`).join(' ')}</p>`;
      case 'divider':
        return '<hr>';
      default:
        return '';
    }
  });
  return `<!doctype html><meta charset="utf-8"><style>body{font:15px/1.46 system-ui,sans-serif;margin:12px;color:#1d1c1d}h1{font-size:18px}.ctx{color:#616061;font-size:13px}button{border:1px solid #ccc;background:#fff;border-radius:4px;padding:4px 10px;margin:2px}.f{display:inline-block;width:48%;vertical-align:top}</style><div class="msg">${parts.join('')}</div>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const app = await openTempApp({
    CYBERBRIEF_PUBLIC_URL: PUBLIC_URL,
    CYBERBRIEF_LINK_SECRET: 'screens-secret-0123456789abcdef0123456789abcd',
  });
  const serving = await startServe(app, { port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${serving.port}`;
  const browser = await launchChromium();
  const acJs = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
  const written: string[] = [];
  try {
    for (const s of SUBJECTS)
      for (const lang of ['en', 'fr'] as const) {
        const brief = app.briefing.briefForRef(s, lang);
        const slack = blockKitHtml(renderSlackBrief(brief, { ephemeral: true }).blocks);
        const teams = renderTeamsBrief(brief).card;
        for (const width of WIDTHS) {
          const page = await browser.newPage();
          await page.setViewport({ width, height: 900 });
          const shot = async (name: string) => {
            const file = join(OUT, `${name}-${s.id}-${lang}-${width}.png`);
            writeFileSync(file, await page.screenshot({ fullPage: true }));
            written.push(file);
          };
          await page.setContent(slack);
          await shot('slack');
          await page.setContent(
            `<!doctype html><meta charset="utf-8"><style>body{margin:12px;font-family:'Segoe UI',system-ui,sans-serif}</style><div id="card"></div>`,
          );
          await page.addScriptTag({ content: acJs });
          await page.evaluate(
            (json) => {
              const AC = (
                globalThis as unknown as {
                  AdaptiveCards: { AdaptiveCard: new () => { parse(j: unknown): void; render(): Node } };
                }
              ).AdaptiveCards;
              const card = new AC.AdaptiveCard();
              card.parse(json);
              (
                globalThis as unknown as { document: { getElementById(id: string): { appendChild(n: Node): void } } }
              ).document
                .getElementById('card')
                .appendChild(card.render());
            },
            teams as unknown as Record<string, unknown>,
          );
          await shot('teams');
          await page.goto(app.links!.url(s.id, lang).replace(PUBLIC_URL, base));
          await shot('page');
          await page.close();
        }
      }
  } finally {
    await browser.close();
    await serving.stop();
  }
  process.stdout.write(`${written.length} pictures in ${OUT}\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`screens: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
