import { DefaultAzureCredential, TokenCredential } from '@azure/identity';

/**
 * The identity the bot reaches its storage account with when no key is configured. In App Service
 * that is its managed identity (the user-assigned one named by its client id, when given); on a
 * developer's machine DefaultAzureCredential also accepts an `az login` session.
 */
export function storageCredential(managedIdentityClientId: string | undefined): TokenCredential {
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}
