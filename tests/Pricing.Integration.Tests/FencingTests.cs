using System.Diagnostics;
using Pricing.Integration.Tests.Support;

namespace Pricing.Integration.Tests;

/// <summary>
/// DESIGN.md, "Fencing": a silo that gains a partition claims it (generation + 1) before reading
/// it, and every state write carries the writer's generation, so a stale owner — here one frozen
/// with SIGSTOP while its partitions move, then thawed with SIGCONT — can never overwrite the new
/// owner's state.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FencingTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const string Symbols = "1000";
    private static readonly DateTimeOffset EventTimeBase = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What the storage says when it turns a write down for a stale generation (PostgresStateBatch).</summary>
    private const string FenceRejection = "is held by generation";

    [Fact]
    public async Task PausedSiloCannotOverwriteTheStateOfItsSuccessor()
    {
        var seed = TestSeed.Choose();
        var random = new Random(seed);
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(PausedSiloCannotOverwriteTheStateOfItsSuccessor));
        cluster.Log($"seed {seed} (set {TestSeed.Variable}={seed} to repeat)");

        var a = cluster.CreateSilo("a");
        var b = cluster.CreateSilo("b");
        a.Start();
        b.Start();
        await Partitions.WaitSplitAsync(cluster, [a, b], TimeSpan.FromSeconds(90));

        var run = TickProducer.ProduceAsync(cluster, "ticks", new ProduceRequest(
            75_000, Symbols, random.Next(), EventTimeBase, Rate: 3_000, BadMessages: 5));

        // Freeze A in the middle of its work, with ticks applied and not yet written, between two
        // of its transactions (SuccessorClaimsThePartitionsOfASiloFrozenInsideATransaction covers
        // a freeze inside one).
        var before = await Freezer.FreezeAsync(cluster, a, insideTransaction: false, random);
        var partitionsOfA = before.Partitions.ToArray();
        var ownersBefore = await Partitions.OwnersAsync(cluster);
        var writtenOfA = await CountTradesAsync(cluster, partitionsOfA);
        cluster.Log($"A paused: {before.Describe()}; {writtenOfA:N0} of its trades written");
        Assert.True(
            before.TicksApplied > writtenOfA,
            $"A was to be paused with unwritten changes, but it had written {writtenOfA:N0} trades of its partitions and applied {before.TicksApplied:N0} ticks.");

        // The group drops A after the session timeout; B claims A's partitions with a new generation.
        var clock = Stopwatch.StartNew();
        try
        {
            await Eventually.UntilNothingMissingAsync(
                "B has claimed A's partitions in PostgreSQL",
                TimeSpan.FromSeconds(60),
                async () =>
                {
                    var owners = await Partitions.OwnersAsync(cluster);
                    var pending = partitionsOfA.Where(p => owners[p].SiloId != b.SiloId || owners[p].Generation <= ownersBefore[p].Generation).ToList();
                    return pending.Count == 0 ? null : $"partitions [{string.Join(',', pending)}] still {string.Join(", ", pending.Select(p => $"{owners[p].SiloId} generation {owners[p].Generation}"))}";
                });
        }
        catch (TimeoutException ex)
        {
            // Say why: typically B's claim waits for a lock that the frozen A holds.
            var sessions = await cluster.DescribeSessionsAsync();
            var claims = string.Join("\n  ", b.LogLines(l => l.Contains("Claim", StringComparison.Ordinal)).TakeLast(4).Select(l => l.Length > 220 ? l[..220] : l));
            cluster.Log($"B did not claim A's partitions. Database sessions:\n{sessions}\nB's last claim lines:\n  {claims}");
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nDatabase sessions:\n{sessions}\nB's last claim lines:\n  {claims}\nLogs: {a.LogPath}, {b.LogPath}");
        }

        var ownersAfter = await Partitions.OwnersAsync(cluster);
        cluster.Log($"B claimed A's partitions {clock.Elapsed.TotalSeconds:0.0} s after the pause: {string.Join(", ", partitionsOfA.Select(p => $"{p}: generation {ownersBefore[p].Generation} -> {ownersAfter[p].Generation}"))}");

        // B applies and writes everything, A's share included, while A stays frozen.
        var expected = await run;
        await Drain.WaitAsync(cluster, [b], expected.TotalTicks, TimeSpan.FromMinutes(2));
        var stateBefore = await GrainStateAsync(cluster);
        var checkpointsBefore = await CheckpointsAsync(cluster);

        // Thawed, A still believes it owns its partitions and holds changes it never wrote.
        a.Resume();
        clock.Restart();
        await Eventually.UntilAsync(
            $"A's log shows a state write turned down by the fence (\"{FenceRejection}\")",
            TimeSpan.FromSeconds(60),
            () => Task.FromResult(a.LogContains(FenceRejection)));
        cluster.Log($"A's write was turned down {clock.Elapsed.TotalSeconds:0.0} s after SIGCONT: {a.LogLines(l => l.Contains(FenceRejection, StringComparison.Ordinal))[0].Trim()}");

        // A rejoins the group and takes partitions back (legitimately, with a newer generation).
        await Partitions.WaitSplitAsync(cluster, [a, b], TimeSpan.FromSeconds(90));
        await Drain.WaitAsync(cluster, [a, b], expected.TotalTicks, TimeSpan.FromMinutes(1));

        // No tick arrived since B wrote everything: not one state row may have changed.
        var stateAfter = await GrainStateAsync(cluster);
        var changed = stateBefore.Where(s => stateAfter.GetValueOrDefault(s.Key) != s.Value).Select(s => s.Key).ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} grain_state rows changed after A was resumed, e.g. {string.Join(", ", changed.Take(10).Select(k => $"{k}: {stateBefore[k]} -> {stateAfter.GetValueOrDefault(k)}"))}");
        Assert.Equal(stateBefore.Count, stateAfter.Count);
        var checkpointsAfter = await CheckpointsAsync(cluster);
        Assert.Equal(checkpointsBefore.Select(c => (c.Partition, c.Offset)), checkpointsAfter.Select(c => (c.Partition, c.Offset)));
        Assert.False(b.LogContains("not written"), $"B's writes were turned down after A was resumed. Log: {b.LogPath}");

        await ResultVerifier.VerifyAsync(cluster, expected, [a, b]);

        // The cluster A rejoined goes on working: new ticks on every partition are applied once.
        var after = await TickProducer.ProduceAsync(cluster, "after", new ProduceRequest(
            10_000, Symbols, random.Next(), EventTimeBase.AddHours(1), BadMessages: 2));
        expected = expected.Then(after);
        await Drain.WaitAsync(cluster, [a, b], expected.TotalTicks, TimeSpan.FromMinutes(1));
        await ResultVerifier.VerifyAsync(cluster, expected, [a, b]);
    }

    private static async Task<long> CountTradesAsync(IsolatedCluster cluster, int[] partitions)
    {
        await using var command = cluster.Db.CreateCommand("select count(*) from trades where partition = any($1)");
        command.Parameters.Add(new() { Value = partitions });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every symbol's stored state: version and a digest of the bytes.</summary>
    private static async Task<Dictionary<string, string>> GrainStateAsync(IsolatedCluster cluster)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = cluster.Db.CreateCommand("select grain_key, version, md5(state) from grain_state");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            state[reader.GetString(0)] = $"v{reader.GetInt64(1)} {reader.GetString(2)}";
        }

        return state;
    }

    private static async Task<List<(int Partition, long Offset, long Generation)>> CheckpointsAsync(IsolatedCluster cluster)
    {
        var checkpoints = new List<(int, long, long)>();
        await using var command = cluster.Db.CreateCommand("select partition, durable_offset, generation from partition_checkpoint order by partition");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            checkpoints.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return checkpoints;
    }
}
