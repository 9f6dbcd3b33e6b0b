using Pricing.Silo.Membership;

namespace Pricing.Silo.Cluster;

/// <summary>Cluster mode: the partitions claimed in PostgreSQL and not handed over since.</summary>
internal sealed class OwnedPartitions(PartitionOwnership ownership) : ISiloPartitions
{
    public IReadOnlyList<int> Owned => [.. ownership.Owned];
}
