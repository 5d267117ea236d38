import type { CommandRouter } from '../bot/router';
import { renderLatest } from '../render-latest';

export function register(router: CommandRouter): void {
  router.command(['latest', 'derniers', 'dernier', 'recent', 'récent'], async (c) => {
    await c.reply(renderLatest(c.deps.briefing.latest(c.locale, 10), c.locale));
  });
}
