import { type CoreConfig, loadCoreConfig, parseEnv } from '../src/config';
import { defaultKbDir, loadKnowledgeBase } from '../src/kb/load';
import type { KnowledgeBase } from '../src/kb/types';
import { BriefLinks, LinkConfig } from '../src/links/brief-links';
import { jsonLogger, type Logger } from '../src/log';
import { BriefingService } from '../src/service/briefing-service';
import { type IncidentStore, KeyvIncidentStore } from '../src/store/incident-store';
import { type KvBackend, openKv } from '../src/store/kv';
import { reasonOf, storeLabel } from '../src/store/store-errors';

/**
 * The composition root: the one place that reads the environment and wires config, store and
 * services. Commands and servers receive what it builds; nothing else opens a store.
 */
export interface App {
  config: CoreConfig;
  env: NodeJS.ProcessEnv;
  log: Logger;
  kv: KvBackend;
  store: IncidentStore;
  kb: KnowledgeBase;
  briefing: BriefingService;
  /** Signed links to the full brief pages, when CYBERBRIEF_PUBLIC_URL is set. */
  links?: BriefLinks;
  close(): Promise<void>;
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  now?: () => Date;
}

export async function openApp(opts: OpenOptions = {}): Promise<App> {
  const env = opts.env ?? process.env;
  const config = loadCoreConfig(env);
  const links = BriefLinks.fromConfig(parseEnv(LinkConfig, env));
  const log = opts.log ?? jsonLogger(config.CYBERBRIEF_LOG_LEVEL);
  const kb = loadKnowledgeBase(config.CYBERBRIEF_KB_DIR ?? defaultKbDir());
  log.debug('store.connection_opening', { store: storeLabel(config.CYBERBRIEF_STORE) });
  const kv = await openKv(config.CYBERBRIEF_STORE, {
    prefix: config.CYBERBRIEF_STORE_PREFIX,
    connectSeconds: config.CYBERBRIEF_STORE_CONNECT_SECONDS,
    // Loss and recovery are logged once each by the health watch; these are the client's retries.
    onConnectionError: (e) => log.debug('store.connection_error', { error: reasonOf(e) }),
  });
  try {
    const store = new KeyvIncidentStore(kv, log);
    const briefing = await BriefingService.open(store, kb, log, opts.now);
    if (links) briefing.links = links;
    return { config, env, log, kv, store, kb, briefing, links, close: () => kv.close() };
  } catch (e) {
    await kv.close();
    throw e;
  }
}
