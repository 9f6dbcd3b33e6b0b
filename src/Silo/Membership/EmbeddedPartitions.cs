using Microsoft.Extensions.Options;
using Pricing.Silo.Embedded;

namespace Pricing.Silo.Membership;

/// <summary>Embedded mode owns every partition of its in-memory log.</summary>
internal sealed class EmbeddedPartitions(IOptions<EmbeddedFeedOptions> options) : ISiloPartitions
{
    public IReadOnlyList<int> Owned { get; } = [.. Enumerable.Range(0, options.Value.Partitions)];
}
