namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Every test shares the servers and restarts some of them, and each runs silos that need the
/// machine's two cores: one collection, never in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Local servers";
}
