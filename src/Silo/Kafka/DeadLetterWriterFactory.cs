using Microsoft.Extensions.Options;
using Npgsql;
using Pricing.Silo.Cluster;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Kafka;

/// <summary>Creates the dead-letter writer the consume loop owns (its producer lives as long as the loop).</summary>
internal sealed class DeadLetterWriterFactory(NpgsqlDataSource dataSource, IOptions<KafkaOptions> options, IngestMetrics metrics, SiloIdentity silo)
{
    public DeadLetterWriter Create() => new(dataSource, options.Value, metrics, silo.Id);
}
