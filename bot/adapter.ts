/**
 * The Bot Framework adapter with the configured credentials. Without credentials (local mode)
 * botbuilder accepts unauthenticated requests, which is why config.ts keeps the server on loopback.
 */
import {
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own copy (it pins the same version): CloudAdapter answers 401 only for this class.
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from './config';

// What jsonwebtoken throws for a bad signature, an unsigned token or one not valid yet.
const REJECTED_TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder 4.23 passes jsonwebtoken's errors through, so a forged signature, an unsigned token
 * or one not valid yet got a 500 (and alerts as a server fault). Those become 401 like every other
 * refused token; failures to reach the key server stay 500. test/bot/authentication.test.ts.
 */
class ConvenantAdapter extends TeamsAdapter {
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      if (!(error instanceof Error) || !REJECTED_TOKEN_ERRORS.has(error.name)) throw error;
      throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
    }
    return super.processActivity(result, activity, logic);
  }
}

/**
 * `extraAuth` adds botbuilder settings such as ToBotFromChannelOpenIdMetadataUrl, so a test can
 * check tokens against keys it serves itself (DESIGN.md "Testing authentication offline").
 */
export function createAdapter(
  config: BotConfig,
  extraAuth: ConfigurationBotFrameworkAuthenticationOptions = {},
): TeamsAdapter {
  const credentials = config.credentials;
  const auth: ConfigurationBotFrameworkAuthenticationOptions = {
    ...(credentials && {
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      // botbuilder spells the managed-identity type "UserAssignedMsi" (it compares case-insensitively).
      MicrosoftAppType: credentials.appType,
      MicrosoftAppTenantId: credentials.tenantId,
    }),
    ...extraAuth,
  };
  return new ConvenantAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
