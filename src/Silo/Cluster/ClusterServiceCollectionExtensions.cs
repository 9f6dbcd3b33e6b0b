using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Health;
using Pricing.Silo.Kafka;
using Pricing.Silo.Membership;
using Pricing.Silo.Postgres;
using Pricing.Silo.ReadModel;
using Pricing.Silo.Redis;

namespace Pricing.Silo;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Symbol state and history in PostgreSQL (<c>Pricing:Postgres</c>). Add it before the grain
    /// runtime: its migrator is a hosted service that must finish before grains read state.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>()
            .BindConfiguration(PostgresOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.AddHostedService<PostgresMigrator>();
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton<PostgresPartitionStore>();
        services.TryAddSingleton<PostgresSymbolStorage>();
        services.TryAddSingleton<IDurableStateStore>(sp => sp.GetRequiredService<PostgresSymbolStorage>());
        services.AddKeyedSingleton<IGrainStorage>("symbols", (sp, _) => sp.GetRequiredService<PostgresSymbolStorage>());
        services.TryAddSingleton<ISymbolHistoryStore, PostgresSymbolHistoryStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpointExtensions.ReadyTag]);
        return services;
    }

    /// <summary>Last values, quote fan-out between silos and membership in Redis (<c>Pricing:Redis</c>).</summary>
    public static IServiceCollection AddRedisCluster(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisKeys>();
        services.AddHostedService<RedisQuotePublisher>();
        services.AddHostedService<RedisQuoteSubscriber>();
        services.TryAddSingleton<RedisMembership>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisMembership>());
        services.Replace(ServiceDescriptor.Singleton<IClusterView>(sp => sp.GetRequiredService<RedisMembership>()));
        services.TryAddSingleton<IRemoteSymbolStats, RedisSymbolStats>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpointExtensions.ReadyTag]);
        return services;
    }

    /// <summary>The Kafka pulling agent (<c>Pricing:Kafka</c>): partitions claimed in PostgreSQL, ticks to grains, malformed messages to the dead-letter topic.</summary>
    public static IServiceCollection AddKafkaIngest(this IServiceCollection services)
    {
        services.AddOptions<KafkaOptions>()
            .BindConfiguration(KafkaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton(sp => new PartitionOwnership(sp.GetRequiredService<IOptions<KafkaOptions>>().Value.Topic));
        services.TryAddSingleton<SymbolPartitions>();
        services.Replace(ServiceDescriptor.Singleton<ISymbolLocality, OwnedSymbolLocality>());
        services.Replace(ServiceDescriptor.Singleton<ISiloPartitions, OwnedPartitions>());
        services.TryAddSingleton<PartitionCheckpointer>();
        services.TryAddSingleton<PartitionManager>();
        services.TryAddSingleton<DeadLetterWriterFactory>();
        services.AddHostedService<KafkaIngestAgent>();
        return services;
    }
}
