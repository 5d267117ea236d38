import { parentPort } from 'node:worker_threads';
import { readArticleHtml } from './article-text';

/** Worker side of HtmlReaderPool (src/feeds/html-reader.ts): one page in, its main text out. */
if (parentPort) {
  const port = parentPort;
  port.on('message', (m: { id: number; html: string }) => {
    try {
      port.postMessage({ id: m.id, ok: true, page: readArticleHtml(m.html) });
    } catch (e) {
      port.postMessage({ id: m.id, ok: false, reason: `the page could not be read: ${(e as Error).message}` });
    }
  });
  port.postMessage({ ready: true });
}
