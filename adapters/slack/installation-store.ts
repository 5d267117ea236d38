import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type Keyv from 'keyv';

/**
 * Bolt's installation store (multi-workspace OAuth) kept in the same keyv store as everything
 * else, so every replica sees an installation as soon as one replica finishes the OAuth flow.
 * Keys are per workspace, or per organisation for Enterprise Grid org-wide installs.
 */
export class KeyvInstallationStore implements InstallationStore {
  constructor(private readonly kv: Keyv) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key =
      installation.isEnterpriseInstall && installation.enterprise
        ? orgKey(installation.enterprise.id)
        : teamKey(installation.team?.id);
    await this.kv.set(key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = (await this.kv.get(keyOf(query))) as Installation<'v1' | 'v2', boolean> | undefined;
    if (!found)
      throw new Error(
        `no Slack installation for ${query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`}`,
      );
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.kv.delete(keyOf(query));
  }

  /** The bot token for a workspace, or undefined when the app is not (or no longer) installed there. */
  async botToken(teamId: string): Promise<string | undefined> {
    const found = (await this.kv.get(teamKey(teamId))) as Installation<'v1' | 'v2', boolean> | undefined;
    return found?.bot?.token;
  }
}

function teamKey(teamId: string | undefined): string {
  if (!teamId) throw new Error('installation without a team id');
  return `team:${teamId}`;
}

function orgKey(enterpriseId: string): string {
  return `org:${enterpriseId}`;
}

function keyOf(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall && query.enterpriseId ? orgKey(query.enterpriseId) : teamKey(query.teamId);
}
