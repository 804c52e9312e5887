// Convenantbot in Azure (m365agents.yml, arm/deploy): App Service on Linux running Node 20, a Key
// Vault holding the secrets, and the Azure Bot (single-tenant) with its Microsoft Teams channel.
// The database is not made here: use MongoDB Atlas or Azure Cosmos DB for MongoDB (vCore) and pass
// its connection string as mongodbUri (docs/deployment.md).

@minLength(4)
@maxLength(20)
@description('Base of every resource name; the App Service name (and so its host name) must be globally unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On; P0v3 or better for production.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'Convenantbot'

@description('Client id of the single-tenant Entra app (aadApp/create).')
param botAppId string

@secure()
param botAppPassword string

@description('The Entra tenant of that app.')
param botTenantId string

@secure()
@description('mongodb:// or mongodb+srv:// connection string, with its credentials.')
param mongodbUri string

param mongodbDb string = 'convenantbot'

@secure()
@minLength(16)
@description('Bearer token for GET /metrics: the App Service host is public, so /metrics needs one.')
param metricsToken string

@description('Teams channel id of the platform channel (19:…@thread.tacv2); empty until known.')
param platformChannelId string = ''

// Built-in role "Key Vault Secrets User": read secret values.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can take any request: the bot keeps no session in memory.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // As `npm start`, without npm in between: SIGTERM reaches the bot, which lets turns finish.
      appCommandLine: 'node --import tsx bot/main.ts'
      alwaysOn: true // the outbox worker and the schedulers run in the process
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
  }
}

resource mongodbUriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    value: mongodbUri
  }
}

resource metricsTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'metrics-token'
  properties: {
    value: metricsToken
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webApp.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's settings (.env.example). Secrets as Key Vault references; set after the role
// assignment, so the first start already resolves them.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [
    webAppReadsSecrets
  ]
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false' // scripts/stage-app.ts ships node_modules
    NODE_ENV: 'production'
    MICROSOFT_APP_ID: botAppId
    MICROSOFT_APP_TYPE: 'SingleTenant'
    MICROSOFT_APP_TENANT_ID: botTenantId
    MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${appPasswordSecret.properties.secretUri})'
    MONGODB_URI: '@Microsoft.KeyVault(SecretUri=${mongodbUriSecret.properties.secretUri})'
    MONGODB_DB: mongodbDb
    METRICS_TOKEN: '@Microsoft.KeyVault(SecretUri=${metricsTokenSecret.properties.secretUri})'
    PLATFORM_CHANNEL_ID: platformChannelId
    COVENANT_TIME_ZONE: 'Europe/Amsterdam'
    LOG_LEVEL: 'info'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: free
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// Written to env/.env.<env> by arm/deploy.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
