import type { TokenCredential } from '@azure/identity';

/**
 * The identity the bot reaches its storage account with when no key is configured. In App Service
 * that is its managed identity (the user-assigned one named by its client id, when given); on a
 * developer's machine DefaultAzureCredential also accepts an `az login` session. Loaded only on
 * this path: @azure/identity (with MSAL) is heavy, and Azurite and connection strings never need it.
 */
export function storageCredential(managedIdentityClientId: string | undefined): TokenCredential {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}
