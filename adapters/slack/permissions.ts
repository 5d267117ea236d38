import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log';

/**
 * Who may change a channel's digest: people on the CYBERBRIEF_SLACK_ADMINS allowlist (`*` for
 * everyone), then workspace admins and owners as Slack reports them (users.info, scope users:read).
 * Looking up briefs is open to everyone and never comes here.
 */
export class SubscriptionPermissions {
  private readonly allow: Set<string>;
  /** users.info answers for a few minutes: an admin running several commands costs one call. */
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    admins: string[],
    private readonly log: Logger,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.allow = new Set(admins);
  }

  async canManage(client: webApi.WebClient, userId: string, teamId: string): Promise<boolean> {
    if (this.allow.has('*') || this.allow.has(userId)) return true;
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.admin;
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      const admin = u?.is_admin === true || u?.is_owner === true || u?.is_primary_owner === true;
      this.cache.set(key, { admin, until: this.now() + this.ttlMs });
      return admin;
    } catch (e) {
      // Without users:read (or with Slack down) nobody is taken for an admin; the allowlist still works.
      this.log.warn('slack.permission_lookup_failed', { team: teamId, user: userId, error: (e as Error).message });
      return false;
    }
  }
}
