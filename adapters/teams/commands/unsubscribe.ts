import { notice } from '../bot/replies';
import type { CommandRouter } from '../bot/router';
import { messages } from '../messages';

export function register(router: CommandRouter): void {
  router.command(['unsubscribe', 'desabonner', 'désabonner', 'se-desabonner'], async (c) => {
    const M = messages(c.locale);
    if (!(await c.deps.permission.canManage(c.turn, c.info))) return c.reply(notice([M.notAllowed]));
    const existing = await c.deps.subscriptions.findByChannel('teams', c.info.key);
    if (!existing) return c.reply(notice([M.notSubscribed]));
    await c.deps.subscriptions.remove(existing.id);
    c.deps.log.info('teams.unsubscribed', { subscription: existing.id });
    await c.reply(notice([M.unsubscribed]));
  });
}
