namespace Pricing.Silo.Ingest;

public enum IngestState
{
    Starting,
    Running,
    /// <summary>Running, but a dependency failed and the loop is retrying.</summary>
    Degraded,
    Stopped,
}

/// <summary>The input loop's state as the readiness check and the cluster view see it.</summary>
public sealed class IngestStatus
{
    private volatile Snapshot _current = new(IngestState.Starting, "waiting for the input loop");

    public Snapshot Current => _current;

    /// <summary>Messages behind the end of the owned partitions, as the input loop last measured (0 without Kafka).</summary>
    public long ConsumerLag { get; set; }

    public void Set(IngestState state, string detail) => _current = new Snapshot(state, detail);

    public sealed record Snapshot(IngestState State, string Detail);
}
