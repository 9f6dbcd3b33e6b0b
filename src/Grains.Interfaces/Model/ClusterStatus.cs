namespace Pricing.Grains;

/// <summary>The live silos of the service, as <c>GET /api/v1/cluster</c> shows them.</summary>
/// <param name="AsOf">When this view was taken.</param>
/// <param name="Mode">Embedded or Cluster.</param>
/// <param name="Silos">Live silos, this one included, ordered by id.</param>
public sealed record ClusterStatus(DateTimeOffset AsOf, string Mode, IReadOnlyList<SiloStatus> Silos);

/// <summary>One silo: identity, what it owns, and how its ingest is doing.</summary>
/// <param name="Id">Silo id (host name and process id unless configured).</param>
/// <param name="Address">Where its HTTP endpoint listens.</param>
/// <param name="StartedAt">Process start.</param>
/// <param name="HeartbeatAt">When it last reported; a silo silent past the time-to-live leaves the view.</param>
/// <param name="Partitions">Input partitions it owns.</param>
/// <param name="Activations">Grain activations it hosts.</param>
/// <param name="TicksApplied">Ticks applied since it started.</param>
/// <param name="TicksPerSecond">Recent ingest rate.</param>
/// <param name="ConsumerLag">Messages behind the end of its partitions (0 in embedded mode).</param>
/// <param name="Rejected">Malformed messages sent to the dead-letter topic since it started.</param>
/// <param name="Ingest">Starting, Running, Degraded or Stopped.</param>
/// <param name="Detail">What the ingest is doing, or what failed.</param>
public sealed record SiloStatus(
    string Id,
    string Address,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    IReadOnlyList<int> Partitions,
    int Activations,
    long TicksApplied,
    double TicksPerSecond,
    long ConsumerLag,
    long Rejected,
    string Ingest,
    string Detail);
