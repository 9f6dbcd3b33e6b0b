using System.Diagnostics;
using Pricing.Integration.Tests.Support;

namespace Pricing.Integration.Tests;

/// <summary>
/// DESIGN.md, "Exactly-once effect": killing a silo with SIGKILL at any moment, any number of
/// times, leaves every count, sum, VWAP and candle equal to a reference computed from the topic.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceUnderCrashesTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const string Symbols = "1000";
    private static readonly DateTimeOffset EventTimeBase = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SigkilledSiloAppliesEveryTickExactlyOnce()
    {
        var seed = TestSeed.Choose();
        var random = new Random(seed);
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(SigkilledSiloAppliesEveryTickExactlyOnce));
        cluster.Log($"seed {seed} (set {TestSeed.Variable}={seed} to repeat the kill schedule)");

        // Malformed messages keyed by symbols that never trade, then a backlog the silo starts on.
        var handMade = await KafkaTopics.ProduceMalformedAsync(cluster.Servers, cluster.Topic);
        var backlog = await TickProducer.ProduceAsync(cluster, "backlog", new ProduceRequest(
            Count: 100_000, Symbols, Seed: random.Next(), EventTimeBase, BadMessages: 10));

        var silo = cluster.CreateSilo("a", new Dictionary<string, string>
        {
            // The broker's smallest session timeout: a restarted silo gets the partitions of its
            // killed predecessor after at most 6 s, so four kills fit in the time budget.
            ["Pricing__Kafka__Settings__session.timeout.ms"] = "6000",
        });
        silo.Start();
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        var kills = 0;
        // Twice while it works through the backlog...
        for (var i = 0; i < 2; i++)
        {
            await KillAndRestartAsync(cluster, silo, random, ++kills, producing: null);
        }

        // ...and twice while ticks keep arriving (about 17 s at 6,000/s).
        var liveRun = TickProducer.ProduceAsync(cluster, "live", new ProduceRequest(
            Count: 100_000, Symbols, Seed: random.Next(), EventTimeBase.AddHours(1), Rate: 6_000, BadMessages: 10));
        for (var i = 0; i < 2; i++)
        {
            await KillAndRestartAsync(cluster, silo, random, ++kills, liveRun);
        }

        var live = await liveRun;
        var expected = backlog.Then(live).WithBadMessages(handMade);
        cluster.Log($"{kills} SIGKILLs; expecting {expected.TotalTicks:N0} ticks and {expected.BadMessages.Count} malformed messages");

        await Drain.WaitAsync(cluster, [silo], expected.TotalTicks, TimeSpan.FromMinutes(2));
        await ResultVerifier.VerifyAsync(cluster, expected, [silo]);
        Assert.True(kills >= 3);
    }

    /// <summary>
    /// Waits until this start of the silo has applied a random number of ticks (so it is in the
    /// middle of its work, with changes not yet written), kills it, and starts it again.
    /// </summary>
    private static async Task KillAndRestartAsync(IsolatedCluster cluster, SiloProcess silo, Random random, int kill, Task? producing)
    {
        var threshold = random.Next(2_000, 12_000);
        var since = Stopwatch.StartNew();
        var status = await Eventually.ValueAsync(
            $"silo {silo.SiloId} has applied {threshold:N0} ticks since its start",
            TimeSpan.FromSeconds(120),
            silo.GetStatusAsync,
            s => s.TicksApplied >= threshold,
            s => s.Describe(),
            TimeSpan.FromMilliseconds(100));
        // Batches are applied 5,000 at a time: a further random delay spreads the kill over the
        // whole cycle (reading, applying, flushing, checkpointing, committing).
        var delay = random.Next(0, 700);
        await Task.Delay(delay);
        await silo.KillAsync();
        var written = await Drain.CountTradesAsync(cluster.Db);
        cluster.Log($"kill #{kill}: at {status.TicksApplied:N0} ticks applied by start #{silo.Starts} (threshold {threshold:N0} + {delay} ms, {since.Elapsed.TotalSeconds:0.0} s into the wait); " +
            $"{written:N0} trades written so far; producer {(producing is null ? "finished before" : producing.IsCompleted ? "finished" : "running")}");
        silo.Start();
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));
    }
}
