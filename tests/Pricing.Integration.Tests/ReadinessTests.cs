using Pricing.Integration.Tests.Support;

namespace Pricing.Integration.Tests;

/// <summary>Readiness in cluster mode means "ingest running, PostgreSQL and Redis answering" (README), whether or not ticks are flowing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadinessTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task SiloWithNothingToConsumeBecomesReady()
    {
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(SiloWithNothingToConsumeBecomesReady));
        var silo = cluster.CreateSilo("a");
        silo.Start();

        // It joins the group and claims every partition of the (empty) topic...
        var status = await Partitions.WaitOwnsAllAsync(cluster, silo, TimeSpan.FromSeconds(60), "alone in its group");
        cluster.Log($"claimed: {status.Describe()}");

        // ...and then nothing stops it from taking ticks: it is ready.
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(20));
    }
}
