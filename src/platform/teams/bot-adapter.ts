import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotCredentials } from '../../app/config';

/**
 * The Bot Framework adapter for our credentials. Without credentials (local runs only; config
 * refuses that in production) botbuilder turns authentication off, which is what the Playground needs.
 */
export function createBotAdapter(credentials: BotCredentials | undefined): CloudAdapter {
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      credentials
        ? {
            MicrosoftAppId: credentials.appId,
            MicrosoftAppPassword: credentials.appPassword,
            MicrosoftAppType: credentials.appType,
            MicrosoftAppTenantId: credentials.tenantId,
          }
        : {},
    ),
  );
}
