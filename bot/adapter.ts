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
// The same module instance botbuilder uses (botbuilder has no copy of its own).
import { ToBotFromBotOrEmulatorTokenValidationParameters as emulatorValidation } from 'botframework-connector/lib/auth/tokenValidationParameters';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from './config';

// What jsonwebtoken throws for a bad signature, an unsigned token or one not valid yet.
const REJECTED_TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Who signs what Teams sends a bot (botbuilder's AuthenticationConstants.ToBotFromChannelTokenIssuer). */
export const BOT_FRAMEWORK_CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * botbuilder 4.23 pushes four issuers onto this process-wide list for the `tid` claim of any
 * bearer token, before it checks a signature, and never removes them. Teams tokens never take the
 * emulator path that reads the list, so every turn puts it back as it was at start-up.
 */
const trustedEmulatorIssuers = emulatorValidation.issuer;
const initialEmulatorIssuerCount = Array.isArray(trustedEmulatorIssuers) ? trustedEmulatorIssuers.length : 0;

function forgetAddedEmulatorIssuers(): void {
  if (Array.isArray(trustedEmulatorIssuers)) trustedEmulatorIssuers.length = initialEmulatorIssuerCount;
}

/** The token's `iss` claim, read without checking anything else (botbuilder checks the rest). */
export function unverifiedIssuer(authHeader: string): string | undefined {
  const [scheme, token] = authHeader.split(' ');
  if (scheme !== 'Bearer' || !token) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const iss = (payload as { iss?: unknown } | null)?.iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * botbuilder 4.23 passes jsonwebtoken's errors through, so a forged signature, an unsigned token
 * or one not valid yet got a 500 (and alerts as a server fault). Those become 401 like every other
 * refused token; failures to reach the key server stay 500. test/bot/authentication.test.ts.
 */
class ConvenantAdapter extends TeamsAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthenticationOptions,
    /** Undefined in local mode, where botbuilder checks no token at all. */
    private readonly channelIssuer: string | undefined,
  ) {
    super(auth, new ConfigurationServiceClientCredentialFactory(auth));
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    // Only the Bot Framework channel speaks to this bot. botbuilder would also take Entra tokens
    // issued to the bot's own app id (its emulator path, which checks no serviceurl). An empty
    // header goes on: botbuilder answers it with 401.
    if (this.channelIssuer && auth !== '' && unverifiedIssuer(auth) !== this.channelIssuer) {
      throw new AuthenticationError(
        'Unauthorized. Token not issued by the Bot Framework channel.',
        StatusCodes.UNAUTHORIZED,
      );
    }
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      if (!(error instanceof Error) || !REJECTED_TOKEN_ERRORS.has(error.name)) throw error;
      throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
    } finally {
      forgetAddedEmulatorIssuers();
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
  const channelIssuer = credentials ? (auth.ToBotFromChannelTokenIssuer ?? BOT_FRAMEWORK_CHANNEL_ISSUER) : undefined;
  return new ConvenantAdapter(auth, channelIssuer);
}
