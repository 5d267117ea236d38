import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../../src/log';
import type { ConversationInfo } from './conversation';
import type { TeamOwnerCheck } from './team-owners';

/**
 * Who may change a conversation's digest. A channel's digest reaches the whole team, so only the
 * team's owners and the configured admins (`CYBERBRIEF_TEAMS_ADMINS`: Entra object ids or user
 * principal names) may set or stop it. A personal chat belongs to its user, and a group chat has
 * no owner: their members decide.
 */
export class DigestPermission {
  private readonly ids: Set<string>;
  private readonly names: Set<string>;

  constructor(
    admins: string[],
    private readonly owners: TeamOwnerCheck | undefined,
    private readonly log: Logger,
  ) {
    this.ids = new Set(admins.filter((a) => !a.includes('@')));
    this.names = new Set(admins.filter((a) => a.includes('@')));
  }

  async canManage(turn: TurnContext, info: ConversationInfo): Promise<boolean> {
    if (info.type !== 'channel') return true;
    return this.isAdmin(turn, info);
  }

  /**
   * Who may change what the whole deployment reads (followed feeds): the configured admins
   * anywhere, and a team's owners when asked in that team's channel. Unlike a digest, a personal
   * or group chat gives its members no say here.
   */
  async canManageDeployment(turn: TurnContext, info: ConversationInfo): Promise<boolean> {
    return this.isAdmin(turn, info);
  }

  private async isAdmin(turn: TurnContext, info: ConversationInfo): Promise<boolean> {
    const from = turn.activity.from;
    const objectId = from?.aadObjectId?.toLowerCase();
    if (objectId !== undefined && this.ids.has(objectId)) return true;
    if (this.names.size > 0 && from?.id) {
      try {
        const member = await TeamsInfo.getMember(turn, from.id);
        const upn = (member.userPrincipalName ?? member.email ?? '').toLowerCase();
        if (upn !== '' && this.names.has(upn)) return true;
      } catch (e) {
        this.log.warn('teams.member_lookup_failed', { error: (e as Error).message });
      }
    }
    if (info.type === 'channel' && this.owners && objectId !== undefined && info.tenantId) {
      const group = info.teamAadGroupId ?? (await this.teamGroupId(turn));
      if (group)
        return this.owners.isOwner({ tenantId: info.tenantId, teamAadGroupId: group, userAadObjectId: objectId });
    }
    return false;
  }

  private async teamGroupId(turn: TurnContext): Promise<string | undefined> {
    try {
      return (await TeamsInfo.getTeamDetails(turn)).aadGroupId ?? undefined;
    } catch (e) {
      this.log.warn('teams.team_lookup_failed', { error: (e as Error).message });
      return undefined;
    }
  }
}
