namespace Pricing.Silo.Hosting;

/// <summary>Where ticks come from and where state lives.</summary>
public enum SiloMode
{
    /// <summary>No external services: the in-process simulator feeds the ingest; state and history are in memory.</summary>
    Embedded,

    /// <summary>Ticks from Kafka; state and history in PostgreSQL; read model and fan-out through Redis.</summary>
    Cluster,
}
