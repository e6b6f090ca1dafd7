// Registers the bot with the Bot Framework as a single-tenant, user-assigned managed identity bot
// and connects it to Microsoft Teams. Used by ../azure.bicep.

@maxLength(64)
param botServiceName string

@maxLength(42)
param botDisplayName string

@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

param identityResourceId string
param identityClientId string
param identityTenantId string

@description('https://<app>.azurewebsites.net/api/messages')
param messagingEndpoint string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityResourceId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
