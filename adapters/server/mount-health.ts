import type { App } from '../root';
import type { HttpServer } from './http-server';

/** `GET /healthz`: 200 while the store answers, 503 otherwise, so a load balancer drops a replica that lost it. */
export function mountHealth(http: HttpServer, app: Pick<App, 'kv'>): void {
  http.route('GET', '/healthz', async (_req, res) => {
    const ok = await app.kv.ping();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'store_unavailable', store: app.kv.kind }));
  });
}
