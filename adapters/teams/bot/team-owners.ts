import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Logger } from '../../../src/log';

/** Whether a user owns a team. The Bot Framework API does not say; Microsoft Graph does. */
export interface TeamOwnerCheck {
  isOwner(q: { tenantId: string; teamAadGroupId: string; userAadObjectId: string }): Promise<boolean>;
}

export interface GraphOwnerCheckOptions {
  /** A Graph access token for the tenant the team lives in. */
  token: (tenantId: string) => Promise<string>;
  /** `https://graph.microsoft.com` unless a sovereign cloud (or a test) says otherwise. */
  baseUrl?: string;
  log: Logger;
  timeoutMs?: number;
}

/**
 * Asks Graph for the user's membership of the team. The app reads it with the resource-specific
 * consent `TeamMember.Read.Group` granted when a team installs it (declared in the manifest), so
 * no tenant-wide permission is needed. Any failure answers "not an owner": the check only ever
 * grants, never opens, and the user is told who can act instead.
 */
export class GraphTeamOwnerCheck implements TeamOwnerCheck {
  private readonly baseUrl: string;

  constructor(private readonly opts: GraphOwnerCheckOptions) {
    this.baseUrl = (opts.baseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  }

  async isOwner(q: { tenantId: string; teamAadGroupId: string; userAadObjectId: string }): Promise<boolean> {
    const filter = `(microsoft.graph.aadUserConversationMember/userId eq '${q.userAadObjectId.replace(/'/g, "''")}')`;
    const url = `${this.baseUrl}/v1.0/teams/${encodeURIComponent(q.teamAadGroupId)}/members?$filter=${encodeURIComponent(filter)}`;
    try {
      const token = await this.opts.token(q.tenantId);
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
      if (!res.ok) {
        this.opts.log.warn('teams.owner_check_failed', { status: res.status, team: q.teamAadGroupId });
        return false;
      }
      const body = (await res.json()) as { value?: { userId?: string; roles?: string[] }[] };
      return (body.value ?? []).some(
        (m) =>
          m.userId?.toLowerCase() === q.userAadObjectId.toLowerCase() &&
          (m.roles ?? []).some((r) => r.toLowerCase() === 'owner'),
      );
    } catch (e) {
      this.opts.log.warn('teams.owner_check_failed', { error: (e as Error).message, team: q.teamAadGroupId });
      return false;
    }
  }
}

/**
 * Graph tokens from the bot's own app registration (client secret), for the tenant a team lives
 * in: resource-specific consent is granted per tenant, so a multi-tenant bot asks each tenant.
 */
export function graphTokenFromAppPassword(appId: string, appPassword: string): (tenantId: string) => Promise<string> {
  const byTenant = new Map<string, Promise<{ getToken(): Promise<string> }>>();
  return async (tenantId: string) => {
    let creds = byTenant.get(tenantId);
    if (!creds) {
      const factory = new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: appId,
        MicrosoftAppPassword: appPassword,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: tenantId,
      });
      creds = factory.createCredentials(
        appId,
        GRAPH,
        `https://login.microsoftonline.com/${tenantId}`,
        true,
      ) as unknown as Promise<{ getToken(): Promise<string> }>;
      byTenant.set(tenantId, creds);
    }
    return (await creds).getToken();
  };
}

const GRAPH = 'https://graph.microsoft.com';
