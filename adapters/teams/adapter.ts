import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../src/log';
import type { TeamsConfig } from './config';

/** botframework-connector's types, reached through botbuilder so that it stays the one dependency. */
type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;

/** A request whose Bot Framework token is missing, forged, expired or for another bot. */
export class AuthRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AuthRejected';
  }
}

/**
 * botbuilder's CloudAdapter, with authentication as a separate first step. CloudAdapter.process
 * answers 500 when a token is signed with an unknown key (jsonwebtoken's error is not an
 * AuthenticationError) and prints stack traces; here every failed check is one 401 and one log
 * line, and the activity is processed only after the check passed.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
    this.onTurnError = async (turn: TurnContext, error: Error) => {
      this.log.error('teams.turn_failed', {
        activity: turn.activity.type,
        name: turn.activity.name,
        error: error.message,
      });
    };
  }

  async processRequest(
    authHeader: string,
    activity: Activity,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.auth.authenticateRequest(activity, authHeader);
    } catch (e) {
      throw new AuthRejected((e as Error).message || 'authentication failed');
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/** Extra Bot Framework settings; tests point the OpenID metadata at a local stand-in. */
export interface AuthOverrides {
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
}

/**
 * The public cloud's endpoints. The SDK takes any one endpoint setting as "all of them are given",
 * so an override is merged into the complete set rather than passed alone.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export function createAuthentication(
  config: Exclude<TeamsConfig, { mode: 'off' }>,
  overrides?: AuthOverrides,
): BotFrameworkAuthentication {
  const creds =
    config.mode === 'auth'
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId,
        }
      : {};
  const endpoints = overrides ? { ...PUBLIC_CLOUD, ...overrides } : {};
  return new ConfigurationBotFrameworkAuthentication(
    { ...creds, ...endpoints },
    new ConfigurationServiceClientCredentialFactory(creds),
  );
}
