// The silo on Azure Container Apps: a Container Apps environment with Log Analytics, and the
// silo app in cluster mode, scaled by KEDA on the Kafka consumer group's lag.
//
//   az deployment group create -g <resource-group> -f deploy/aca/main.bicep \
//     -p @deploy/aca/main.parameters.json
//
// Replicas of a container app cannot be addressed one by one: ingress spreads requests over
// them (with sticky sessions at best), and there is no per-replica host name. That is why any
// silo answers every read: from its own grains for the symbols of the partitions it owns, and
// from the Redis last-value cache for the rest (docs/architecture.md, docs/deploy.md). No
// request ever has to reach a particular replica.

targetScope = 'resourceGroup'

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Prefix of every resource name.')
@minLength(3)
@maxLength(20)
param namePrefix string = 'pricing'

@description('The silo image, e.g. myregistry.azurecr.io/pricing-silo:1.0.0 (built from the repository\'s Dockerfile).')
param image string

@description('Registry server to pull the image from with the managed identity (e.g. myregistry.azurecr.io); empty for a public image.')
param registryServer string = ''

@description('Resource id of a user-assigned managed identity that may read the Key Vault secrets below (role "Key Vault Secrets User") and pull from the registry (role "AcrPull").')
param identityResourceId string

@description('Kafka bootstrap servers, host:port[,host:port...].')
param kafkaBootstrapServers string

@description('Topic the ticks arrive on.')
param kafkaTopic string = 'ticks'

@description('Topic malformed messages go to.')
param kafkaDeadLetterTopic string = 'ticks.dlq'

@description('Consumer group shared by every replica; the scale rule measures its lag.')
param kafkaGroupId string = 'pricing'

@description('SASL/PLAIN user over TLS (e.g. "$ConnectionString" for Event Hubs); empty for a broker without authentication.')
param kafkaSaslUsername string = ''

@description('Key Vault secret URI of the SASL password; used only with kafkaSaslUsername.')
param kafkaSaslPasswordSecretUri string = ''

@description('Key Vault secret URI of the PostgreSQL connection string (Npgsql format).')
param postgresConnectionStringSecretUri string

@description('Key Vault secret URI of the Redis configuration string (StackExchange.Redis format).')
param redisConfigurationSecretUri string

@description('Fewest replicas. At least 1: a silo must be running to consume.')
@minValue(1)
param minReplicas int = 2

@description('Most replicas: at most the topic\'s partition count, as a partition is owned by one replica and more would idle.')
@minValue(1)
@maxValue(300)
param maxReplicas int = 8

@description('Consumer-group lag (messages) per replica above which KEDA adds a replica.')
@minValue(1)
param lagThreshold int = 5000

@description('vCPUs per replica (a valid Container Apps pair with memory, e.g. 1.0 with 2Gi).')
param cpu string = '1.0'

@description('Memory per replica, e.g. 2Gi.')
param memory string = '2Gi'

@description('Days Log Analytics keeps the silo\'s logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var saslEnabled = !empty(kafkaSaslUsername)

// librdkafka settings: the broker's SASL/TLS when enabled; faster take-over after a crash.
var kafkaSettings = concat(
  [
    { name: 'Pricing__Kafka__Settings__session.timeout.ms', value: '15000' }
    { name: 'Pricing__Kafka__Settings__heartbeat.interval.ms', value: '3000' }
  ],
  saslEnabled
    ? [
        { name: 'Pricing__Kafka__Settings__security.protocol', value: 'SASL_SSL' }
        { name: 'Pricing__Kafka__Settings__sasl.mechanisms', value: 'PLAIN' }
        { name: 'Pricing__Kafka__Settings__sasl.username', value: kafkaSaslUsername }
        { name: 'Pricing__Kafka__Settings__sasl.password', secretRef: 'kafka-sasl-password' }
      ]
    : []
)

// Secrets are Key Vault references read with the managed identity: no secret value is in this
// template, its parameters or the deployment history.
var secrets = concat(
  [
    { name: 'postgres-connection-string', keyVaultUrl: postgresConnectionStringSecretUri, identity: identityResourceId }
    { name: 'redis-configuration', keyVaultUrl: redisConfigurationSecretUri, identity: identityResourceId }
  ],
  saslEnabled
    ? [
        // The user name is no secret, but KEDA takes credentials from secrets only.
        { name: 'kafka-sasl-username', value: kafkaSaslUsername }
        { name: 'kafka-sasl-password', keyVaultUrl: kafkaSaslPasswordSecretUri, identity: identityResourceId }
      ]
    : []
)

// The KEDA kafka scaler reads the group's committed offsets. The silo commits only offsets that
// PostgreSQL already holds (every Pricing:Kafka:CheckpointInterval, 1 s), so the lag it sees is
// at most a second behind the real one.
var scaleRuleAuth = saslEnabled
  ? [
      { secretRef: 'kafka-sasl-username', triggerParameter: 'username' }
      { secretRef: 'kafka-sasl-password', triggerParameter: 'password' }
    ]
  : []

var scaleRuleMetadata = union(
  {
    bootstrapServers: kafkaBootstrapServers
    consumerGroup: kafkaGroupId
    topic: kafkaTopic
    lagThreshold: string(lagThreshold)
    // A partition without a committed offset is read from the start by the silo: count it so.
    offsetResetPolicy: 'earliest'
    // More replicas than partitions would idle.
    allowIdleConsumers: 'false'
  },
  saslEnabled ? { sasl: 'plaintext', tls: 'enable' } : {}
)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource silo 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-silo'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      // Sticky sessions need single revision mode. A new revision replaces the old one replica by
      // replica; SIGTERM makes each old replica hand its partitions over (docs/deploy.md).
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        // HTTP/1.1 and HTTP/2, WebSockets included (the SignalR hub at /hubs/market).
        transport: 'auto'
        allowInsecure: false
        // SignalR negotiates first (POST /hubs/market/negotiate), then connects with the token it
        // got: both must reach the same replica. The cookie keeps a browser on one replica; any
        // replica serves every symbol, so which one does not matter.
        stickySessions: {
          affinity: 'sticky'
        }
      }
      secrets: secrets
      registries: empty(registryServer)
        ? []
        : [
            {
              server: registryServer
              identity: identityResourceId
            }
          ]
    }
    template: {
      // Hand-over budget as on Kubernetes: the host gives its stop at most 30 s (finish the batch,
      // write state and offsets in one fenced transaction per partition, commit, leave the group).
      terminationGracePeriodSeconds: 45
      containers: [
        {
          name: 'silo'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: concat(
            [
              { name: 'Pricing__Mode', value: 'Cluster' }
              { name: 'Pricing__Kafka__BootstrapServers', value: kafkaBootstrapServers }
              { name: 'Pricing__Kafka__Topic', value: kafkaTopic }
              { name: 'Pricing__Kafka__DeadLetterTopic', value: kafkaDeadLetterTopic }
              { name: 'Pricing__Kafka__GroupId', value: kafkaGroupId }
              { name: 'Pricing__Postgres__ConnectionString', secretRef: 'postgres-connection-string' }
              { name: 'Pricing__Redis__Configuration', secretRef: 'redis-configuration' }
              // The silo id defaults to the host name, which is the replica's name here.
            ],
            kafkaSettings
          )
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/health/live'
                port: 8080
              }
              initialDelaySeconds: 3
              periodSeconds: 3
              failureThreshold: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: 8080
              }
              periodSeconds: 5
              timeoutSeconds: 3
              failureThreshold: 2
            }
            {
              // The process answers; dependencies are not checked, so their outages restart nothing.
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: 8080
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'kafka-consumer-lag'
            custom: {
              type: 'kafka'
              metadata: scaleRuleMetadata
              auth: scaleRuleAuth
            }
          }
        ]
      }
    }
  }
}

@description('Public address of the silo (dashboard, REST, SignalR hub).')
output url string = 'https://${silo.properties.configuration.ingress.fqdn}'

@description('Log Analytics workspace with the silo\'s console logs (table ContainerAppConsoleLogs_CL).')
output logAnalyticsWorkspaceId string = logs.id
