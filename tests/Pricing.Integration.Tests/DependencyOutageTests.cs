using System.Diagnostics;
using Pricing.Integration.Tests.Support;

namespace Pricing.Integration.Tests;

/// <summary>
/// A silo outlives restarts of Redis and PostgreSQL during ingest: it reports not-ready while a
/// dependency is gone, retries with backoff, becomes ready again on its own, and loses or doubles
/// nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DependencyOutageTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const string Symbols = "1000";
    private static readonly DateTimeOffset EventTimeBase = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task SiloRidesOutRedisAndPostgresRestartsWithoutLosingOrDoublingTicks()
    {
        var seed = TestSeed.Choose();
        var random = new Random(seed);
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(SiloRidesOutRedisAndPostgresRestartsWithoutLosingOrDoublingTicks));
        cluster.Log($"seed {seed} (set {TestSeed.Variable}={seed} to repeat)");

        var silo = cluster.CreateSilo("a");
        silo.Start();
        var run = TickProducer.ProduceAsync(cluster, "ticks", new ProduceRequest(
            90_000, Symbols, random.Next(), EventTimeBase, Rate: 3_000, BadMessages: 5));
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await OutageAsync(cluster, silo, "redis");
        await OutageAsync(cluster, silo, "postgres");

        var retries = silo.LogLines(l => l.Contains("retry", StringComparison.OrdinalIgnoreCase));
        cluster.Log($"{retries.Count} log lines of the silo mention a retry, e.g. {(retries.Count > 0 ? retries[0].Trim() : "none")}");
        Assert.NotEmpty(retries);

        var expected = await run;
        Assert.True(silo.IsRunning, $"The silo exited. Log: {silo.LogPath}");
        await Drain.WaitAsync(cluster, [silo], expected.TotalTicks, TimeSpan.FromMinutes(2));
        await ResultVerifier.VerifyAsync(cluster, expected, [silo]);
    }

    /// <summary>Stops the server, sees the silo report not-ready, keeps it down at least <see cref="Outage"/>, starts it, and sees the silo ready and ingesting again.</summary>
    private static async Task OutageAsync(IsolatedCluster cluster, SiloProcess silo, string server)
    {
        var appliedBefore = (await silo.GetStatusAsync()).TicksApplied;
        var clock = Stopwatch.StartNew();
        await InfraScript.RunAsync(TimeSpan.FromMinutes(1), "stop", server);
        cluster.Log($"{server} stopped");
        var notReady = await Eventually.ValueAsync(
            $"the silo reports not-ready while {server} is down",
            TimeSpan.FromSeconds(30),
            silo.Api.GetReadinessAsync,
            r => r is { Ready: false },
            r => r?.Body ?? "no answer");
        cluster.Log($"not ready {clock.Elapsed.TotalSeconds:0.0} s after the stop: {notReady!.Value.Body}");

        // The outage itself: the server stays away for a while, whatever the silo does meanwhile.
        var rest = Outage - clock.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        await InfraScript.RunAsync(TimeSpan.FromMinutes(1), "start", server);
        var down = clock.Elapsed;
        cluster.Log($"{server} started again after {down.TotalSeconds:0.0} s down");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        var status = await Eventually.ValueAsync(
            $"the silo ingests again after the {server} outage",
            TimeSpan.FromSeconds(60),
            silo.GetStatusAsync,
            s => s.TicksApplied >= appliedBefore + 3_000,
            s => s.Describe());
        cluster.Log($"{server}: ready {(clock.Elapsed - down).TotalSeconds:0.0} s after it came back; {status.Describe()}");
    }
}
