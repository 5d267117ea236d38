import type { App } from '../root';

/**
 * Reloads the catalog when the CLI or another replica wrote to the store, every
 * CYBERBRIEF_RELOAD_SECONDS. Returns the function that stops it.
 */
export function startStoreReload(app: Pick<App, 'briefing' | 'log' | 'config'>): () => void {
  const { log } = app;
  const timer = setInterval(() => {
    app.briefing.refreshIfChanged().then(
      (changed) => changed && log.info('store.catalog_reloaded', { incidents: app.briefing.data.incidents.size }),
      (e: unknown) => log.warn('store.catalog_reload_failed', { error: (e as Error).message }),
    );
  }, app.config.CYBERBRIEF_RELOAD_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
