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

    [Fact]
    public async Task RefusedGroupJoinKeepsTheSiloUpAndNotReadyNamingTheReason()
    {
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(RefusedGroupJoinKeepsTheSiloUpAndNotReadyNamingTheReason));
        // The broker refuses a session timeout above its group.max.session.timeout.ms (30 s by default).
        var silo = cluster.CreateSilo("a", new Dictionary<string, string> { ["Pricing__Kafka__Settings__session.timeout.ms"] = "45000" });
        silo.Start();

        var answer = await Eventually.ValueAsync(
            "readiness names the refused join",
            TimeSpan.FromSeconds(60),
            silo.Api.GetReadinessAsync,
            r => r is { Ready: false } a && a.Body.Contains("session timeout", StringComparison.OrdinalIgnoreCase),
            r => r is { } a ? a.Body : "no answer");
        cluster.Log($"not ready: {answer!.Value.Body}");

        // It keeps trying rather than exit: an operator fixes the setting or the broker, not a crash loop.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(silo.IsRunning, $"the silo exited; log {silo.LogPath}");
        Assert.False((await silo.Api.GetReadinessAsync())!.Value.Ready);
    }
}
