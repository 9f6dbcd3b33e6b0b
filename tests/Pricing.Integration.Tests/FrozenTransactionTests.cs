using System.Diagnostics;
using Pricing.Integration.Tests.Support;

namespace Pricing.Integration.Tests;

/// <summary>
/// DESIGN.md, "Fencing": a stale owner — paused, partitioned, slow — must not stop the new owner.
/// A silo frozen while its state write is open in PostgreSQL holds that transaction (and its
/// locks) for as long as it is frozen: its socket stays open, so neither side notices.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FrozenTransactionTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly DateTimeOffset EventTimeBase = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SuccessorClaimsThePartitionsOfASiloFrozenInsideATransaction()
    {
        var seed = TestSeed.Choose();
        var random = new Random(seed);
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(SuccessorClaimsThePartitionsOfASiloFrozenInsideATransaction));
        cluster.Log($"seed {seed} (set {TestSeed.Variable}={seed} to repeat)");

        var a = cluster.CreateSilo("a");
        var b = cluster.CreateSilo("b");
        a.Start();
        b.Start();
        await Partitions.WaitSplitAsync(cluster, [a, b], TimeSpan.FromSeconds(90));
        var run = TickProducer.ProduceAsync(cluster, "ticks", new ProduceRequest(
            75_000, "1000", random.Next(), EventTimeBase, Rate: 3_000, BadMessages: 5));

        var before = await Freezer.FreezeAsync(cluster, a, insideTransaction: true, random);
        var ownersBefore = await Partitions.OwnersAsync(cluster);
        var clock = Stopwatch.StartNew();
        try
        {
            // The session timeout (10 s) plus a generous margin for the claim.
            await Eventually.UntilNothingMissingAsync(
                "B has claimed the partitions of the frozen A",
                TimeSpan.FromSeconds(45),
                async () =>
                {
                    var owners = await Partitions.OwnersAsync(cluster);
                    var pending = before.Partitions.Where(p => owners[p].SiloId != b.SiloId || owners[p].Generation <= ownersBefore[p].Generation).ToList();
                    return pending.Count == 0 ? null : $"partitions [{string.Join(',', pending)}] still {string.Join(", ", pending.Select(p => $"{owners[p].SiloId} generation {owners[p].Generation}"))}";
                });
        }
        catch (TimeoutException ex)
        {
            var sessions = await cluster.DescribeSessionsAsync();
            cluster.Log($"B did not claim A's partitions. Database sessions:\n{sessions}");
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nDatabase sessions (a session of the frozen A in a transaction, B's claim waiting for its lock):\n{sessions}\nLogs: {a.LogPath}, {b.LogPath}");
        }

        cluster.Log($"B claimed A's partitions {clock.Elapsed.TotalSeconds:0.0} s after the freeze");

        // With A still frozen, B takes everything to the end.
        var expected = await run;
        await Drain.WaitAsync(cluster, [b], expected.TotalTicks, TimeSpan.FromMinutes(2));
        a.Resume();
        await Partitions.WaitSplitAsync(cluster, [a, b], TimeSpan.FromSeconds(90));
        await Drain.WaitAsync(cluster, [a, b], expected.TotalTicks, TimeSpan.FromMinutes(1));
        await ResultVerifier.VerifyAsync(cluster, expected, [a, b]);
    }
}
