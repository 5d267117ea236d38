import type { App } from '@slack/bolt';
import type { KeyvInstallationStore } from '../installation-store';
import type { SlackContext } from '../slack-context';

/** OAuth mode: a workspace that removes the app loses its stored installation (its token is dead anyway). */
export function register(app: App, ctx: SlackContext, installations: KeyvInstallationStore): void {
  const forget = async (
    body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean },
    why: string,
  ) => {
    try {
      const isOrg = body.is_enterprise_install === true;
      await installations.deleteInstallation({
        teamId: isOrg ? undefined : body.team_id,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: isOrg,
      } as never);
      ctx.log.info('slack.installation_removed', { team: body.team_id, why });
    } catch (e) {
      ctx.log.warn('slack.installation_remove_failed', { team: body.team_id, error: (e as Error).message });
    }
  };
  app.event('app_uninstalled', async ({ body }) => forget(body as never, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body as never, 'tokens_revoked');
  });
}
