// The Corporate Parenting Panel bot in one resource group (deployed by `atk provision`, arm/deploy).
// App Service (Linux, Node 20) runs the bot as a user-assigned managed identity, which is also the
// Azure Bot's identity (UserAssignedMSI: single tenant, no password) and reaches Table storage and
// Key Vault through role assignments: no storage key or bot secret exists anywhere.
// Parameters: infra/azure.parameters.json (filled from env/.env.<env>); see the README.

@minLength(3)
@maxLength(10)
@description('Lowercase letters and digits that make the resource names unique, e.g. kcc01dev.')
param resourceSuffix string

@description('Azure region for everything but the bot registration (which is global).')
param location string = resourceGroup().location

@maxLength(42)
@description('The bot\'s name in the Azure portal.')
param botDisplayName string = 'Corporate Parenting Panel'

@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3', 'P3v3'])
@description('App Service plan size: B1 to try it; P0v3 or S1 for live (every size here allows several instances).')
param appServiceSku string = 'B1'

@description('App Service instances (a string, as the toolkit fills parameters as text). Several are safe: the bot keeps no state in memory.')
param instanceCount string = '2'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier.')
param botServiceSku string = 'F0'

@description('Comma-separated Entra tenant ids whose users may use the bot (the council\'s own).')
param allowedTenantIds string

@description('Comma-separated Entra object ids of the first administrators in the bot.')
param adminAadObjectIds string = ''

@description('The council\'s ModernGov site, e.g. https://democracy.kent.gov.uk (empty: none).')
param modernGovUrl string = ''

@description('The panel\'s ModernGov committee id (Kent: 693).')
param modernGovCommitteeId string = ''

@description('An iCalendar feed of the panel\'s meetings (empty: none).')
param meetingsIcalUrl string = ''

@description('Optional: the id of the Team whose General channel gets every new challenge card.')
param panelChannel string = ''

@description('Prefix of every table name, so environments may share a storage account.')
param tablePrefix string = 'cpp'

@secure()
@description('Signs the short-lived download links in officers\' cards. Generated afresh on each provision unless given; links last an hour, so a new one only makes older links expire sooner.')
param linkSigningSecret string = '${newGuid()}${newGuid()}'

var names = {
  identity: 'id-cppbot-${resourceSuffix}'
  plan: 'asp-cppbot-${resourceSuffix}'
  site: 'app-cppbot-${resourceSuffix}'
  storage: 'stcppbot${resourceSuffix}'
  vault: 'kv-cppbot-${resourceSuffix}'
  workspace: 'log-cppbot-${resourceSuffix}'
  insights: 'appi-cppbot-${resourceSuffix}'
  bot: 'bot-cppbot-${resourceSuffix}'
}
var publicBaseUrl = 'https://${names.site}.azurewebsites.net'
// Built-in role definitions (ids are the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.workspace
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    // Managed identity only: account keys and SAS are switched off.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-secret'
  properties: {
    value: linkSigningSecret
    contentType: 'HMAC key for the bot\'s signed download links'
  }
}

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: int(instanceCount)
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [storageAccess, vaultAccess, tableService]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the bot's identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // A 32 MB young generation: each question's search garbage is collected in short pauses (README, Benchmarks).
      appCommandLine: 'node --max-semi-space-size=32 dist/src/app/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        // The zip the toolkit deploys is mounted as it is: built and staged beforehand (npm run stage).
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '5' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'TABLE_PREFIX', value: tablePrefix }
        { name: 'ADMIN_AAD_OBJECT_IDS', value: adminAadObjectIds }
        { name: 'PUBLIC_BASE_URL', value: publicBaseUrl }
        { name: 'LINK_SIGNING_SECRET', value: '@Microsoft.KeyVault(SecretUri=${linkSecret.properties.secretUri})' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'MODERNGOV_URL', value: modernGovUrl }
        { name: 'MODERNGOV_COMMITTEE_ID', value: modernGovCommitteeId }
        { name: 'MEETINGS_ICAL_URL', value: meetingsIcalUrl }
        { name: 'PANEL_CHANNEL', value: panelChannel }
      ]
    }
  }
}

// The Azure Bot (single tenant, the same managed identity) and its Microsoft Teams channel.
module bot './botRegistration/azurebot.bicep' = {
  name: 'azure-bot-registration'
  params: {
    botServiceName: names.bot
    botDisplayName: botDisplayName
    botServiceSku: botServiceSku
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    messagingEndpoint: '${publicBaseUrl}/api/messages'
  }
}

// Written to env/.env.<env> by the toolkit (arm/deploy) and used by the later steps.
output AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output PUBLIC_BASE_URL string = publicBaseUrl
