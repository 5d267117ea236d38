import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The bench's web server, run as a child process so that serving does not share the poller's
 * core. FEEDS feeds of ITEMS items: 125 outlets with four feeds each (say all news, world, tech,
 * cyber) whose item windows overlap, so an outlet's article appears in two or three of its feeds
 * under one link, as on real sites. A third of the articles are cyber-diplomacy stories (400
 * events, each told by many outlets in their own words, in English or French), the rest product,
 * sport and cooking news. Content is generated from templates written for this bench,
 * deterministically from the indexes. Even feeds send an ETag and answer 304 when nothing
 * changed; odd ones always send the whole body.
 */
export const FEEDS = 500;
export const ITEMS = 50;
const FEEDS_PER_OUTLET = 4;
const ARTICLES_PER_OUTLET = 100;

/** The outlet of feed i and the article its item j shows. */
export function slot(i: number, j: number): { outlet: number; article: number } {
  return { outlet: Math.floor(i / FEEDS_PER_OUTLET), article: ((i % FEEDS_PER_OUTLET) * 17 + j) % ARTICLES_PER_OUTLET };
}

const INCIDENTS = [
  {
    en: 'the WannaCry ransomware outbreak',
    fr: "l'attaque du rançongiciel WannaCry",
    by: ['London', 'Londres'],
    against: ['Pyongyang', 'Pyongyang'],
    group: 'Lazarus',
  },
  {
    en: 'the NotPetya attack',
    fr: "l'attaque NotPetya",
    by: ['Washington', 'Washington'],
    against: ['Moscow', 'Moscou'],
    group: 'Sandworm',
  },
  {
    en: 'the SolarWinds compromise',
    fr: 'la compromission de SolarWinds',
    by: ['Washington', 'Washington'],
    against: ['Moscow', 'Moscou'],
    group: 'APT29',
  },
  {
    en: 'the hack of Microsoft Exchange servers',
    fr: 'le piratage des serveurs Microsoft Exchange',
    by: ['Brussels', 'Bruxelles'],
    against: ['Beijing', 'Pékin'],
    group: 'HAFNIUM',
  },
  {
    en: 'the Viasat KA-SAT attack',
    fr: "l'attaque contre le réseau KA-SAT de Viasat",
    by: ['London', 'Londres'],
    against: ['Moscow', 'Moscou'],
    group: 'Sandworm',
  },
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const BASE = Date.UTC(2025, 2, 3, 9, 0, 0);

interface Item {
  title: string;
  summary: string;
  body: string[];
  lang: 'en' | 'fr';
  published: Date;
}

/** Article `a` of outlet `i`: a story about one of 400 events in the outlet's words (its last sentence names the outlet), or off-topic news. */
export function item(i: number, a: number): Item {
  const n = i * ARTICLES_PER_OUTLET + a;
  const published = new Date(BASE + (n % 400) * 45 * 60_000);
  const lang: 'en' | 'fr' = i % 3 === 0 ? 'fr' : 'en';
  if (n % 10 < 3) {
    const story = n % 400;
    const inc = INCIDENTS[story % INCIDENTS.length]!;
    const day = 1 + (story % 27);
    const month = story % 12;
    if (lang === 'en') {
      return {
        lang,
        published,
        title: `${inc.by[0]} blames ${inc.against[0]} for ${inc.en} (${story})`,
        summary: `Officials said hackers linked to ${inc.against[0]} were behind ${inc.en}.`,
        body: [
          `On ${day} ${MONTHS_EN[month]} 2024, ${inc.by[0]} formally attributed ${inc.en} to ${inc.against[0]}, saying the ${inc.group} group acted on behalf of the state.`,
          `The foreign minister condemned the cyberattack and summoned the ambassador of ${inc.against[0]} to explain the operation, which disrupted hospitals, ports and ministries.`,
          `${inc.against[0]} denied any involvement and called the accusations groundless. Investigators are still counting the damage, estimated at ${100 + story} million dollars.`,
          `Allies are expected to discuss further sanctions at their next meeting, diplomats told Bench outlet ${i}.`,
        ],
      };
    }
    return {
      lang,
      published,
      title: `${inc.by[1]} accuse ${inc.against[1]} pour ${inc.fr} (${story})`,
      summary: `Selon le gouvernement, des pirates liés à ${inc.against[1]} sont à l'origine de ${inc.fr}.`,
      body: [
        `Le ${day} ${MONTHS_FR[month]} 2024, ${inc.by[1]} a officiellement attribué ${inc.fr} à ${inc.against[1]}, estimant que le groupe ${inc.group} agissait pour le compte de l'État.`,
        `Le ministre des Affaires étrangères a condamné la cyberattaque et convoqué l'ambassadeur pour obtenir des explications sur cette opération, qui a perturbé des hôpitaux, des ports et des ministères.`,
        `Les autorités mises en cause démentent toute implication et jugent les accusations infondées. Les dégâts sont estimés à ${100 + story} millions de dollars.`,
        `De nouvelles sanctions pourraient être discutées lors de la prochaine réunion des alliés, selon des diplomates interrogés par Bench outlet ${i}.`,
      ],
    };
  }
  const kind = n % 3;
  const topics =
    lang === 'en'
      ? [
          {
            title: `Phone maker launches model ${n} with a bigger battery`,
            summary:
              'The handset goes on sale next week at a lower price; our review follows, with deals from several retailers.',
          },
          {
            title: `Championship: late goal settles match ${n}`,
            summary:
              'The striker scored in the ninety-second minute and the club moves three points clear at the top of the table after the match.',
          },
          {
            title: `Recipe ${n}: roast vegetables with herbs`,
            summary:
              'Cook the vegetables in a hot oven for forty minutes, then add the herbs and a little oil before serving with the dessert.',
          },
        ]
      : [
          {
            title: `Le fabricant lance le modèle ${n} avec une plus grosse batterie`,
            summary:
              "L'appareil sera vendu la semaine prochaine à un prix plus bas ; notre test complet suit, avec les bons plans des revendeurs.",
          },
          {
            title: `Championnat : un but tardif décide du match ${n}`,
            summary:
              "L'attaquant a marqué à la quatre-vingt-douzième minute et le club prend trois points d'avance au classement du championnat.",
          },
          {
            title: `Recette ${n} : légumes rôtis aux herbes`,
            summary:
              'Faites cuire les légumes quarante minutes au four, puis ajoutez les herbes et un filet d’huile avant de servir avec le dessert.',
          },
        ];
  const t = topics[kind]!;
  return { lang, published, title: t.title, summary: t.summary, body: [t.summary, t.summary] };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function feedXml(origin: string, i: number): string {
  const items: string[] = [];
  const { outlet } = slot(i, 0);
  for (let j = 0; j < ITEMS; j += 1) {
    const { article } = slot(i, j);
    const it = item(outlet, article);
    items.push(
      `<item><title>${esc(it.title)}</title><link>${origin}/article/${outlet}/${article}.html</link><guid>${origin}/article/${outlet}/${article}.html</guid><pubDate>${it.published.toUTCString()}</pubDate><description>${esc(it.summary)}</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench outlet ${outlet}, feed ${i % FEEDS_PER_OUTLET}</title><language>${outlet % 3 === 0 ? 'fr' : 'en'}</language>${items.join('')}</channel></rss>`;
}

export function articleHtml(i: number, j: number): string {
  const it = item(i, j);
  const nav =
    '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/tech">Tech</a></nav>';
  const paras = it.body.map((p) => `<p>${esc(p)}</p>`).join('');
  return `<!doctype html><html lang="${it.lang}"><head><meta charset="utf-8"><title>${esc(it.title)}</title><meta property="article:published_time" content="${it.published.toISOString()}"><script>var x = 1;</script></head><body><header>${nav}</header><main><article><h1>${esc(it.title)}</h1>${paras}</article></main><aside><ul><li>Most read one</li><li>Most read two</li></ul></aside><footer>Bench outlet ${i}</footer></body></html>`;
}

/** Outlets are spread over this many ports: politeness is per host, and real outlets are on many hosts. */
export const PORTS = 25;

export function portOf(ports: number[], outlet: number): number {
  return ports[outlet % ports.length]!;
}

if (require.main === module) {
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = req.url ?? '/';
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const feed = /^\/feed\/(\d+)\.xml$/.exec(url);
    if (feed) {
      const i = Number(feed[1]);
      const etag = `"feed-${i}-v1"`;
      if (i % 2 === 0 && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...(i % 2 === 0 ? { etag } : {}) })
        .end(feedXml(origin, i));
      return;
    }
    const art = /^\/article\/(\d+)\/(\d+)\.html$/.exec(url);
    if (art) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(articleHtml(Number(art[1]), Number(art[2])));
      return;
    }
    res.writeHead(404).end();
  };
  const ports: number[] = [];
  for (let k = 0; k < PORTS; k += 1) {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 30_000;
    server.listen(0, '127.0.0.1', () => {
      ports.push((server.address() as AddressInfo).port);
      if (ports.length === PORTS) process.send?.({ ports });
    });
  }
  process.on('disconnect', () => process.exit(0));
}
