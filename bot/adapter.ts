/**
 * The Bot Framework adapter with the configured credentials. Without credentials (local mode)
 * botbuilder accepts unauthenticated requests, which is why config.ts keeps the server on loopback.
 */
import {
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from './config';

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
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
