using System.Diagnostics;
using Pricing.Integration.Tests.Support;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Integration.Tests;

/// <summary>
/// DESIGN.md, "Rebalance" and "Delivery to clients": partitions move between silos when one
/// stops (SIGTERM: clean hand-over) or dies (SIGKILL: after the session timeout) without losing
/// or doubling a tick, and a client of the surviving silo keeps getting every symbol's updates,
/// also those of symbols another silo owned.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RebalanceTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int SymbolCount = 1_000;
    private const string Symbols = "1000";
    private static readonly DateTimeOffset EventTimeBase = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandOversOnSigtermAndSigkillKeepTotalsExactAndTheSurvivorsClientGetsEverySymbol()
    {
        var seed = TestSeed.Choose();
        var random = new Random(seed);
        await using var cluster = await IsolatedCluster.CreateAsync(fixture, output, nameof(HandOversOnSigtermAndSigkillKeepTotalsExactAndTheSurvivorsClientGetsEverySymbol));
        cluster.Log($"seed {seed} (set {TestSeed.Variable}={seed} to repeat)");

        var a = cluster.CreateSilo("a");
        var b = cluster.CreateSilo("b");
        a.Start();
        b.Start();
        var split = await Partitions.WaitSplitAsync(cluster, [a, b], TimeSpan.FromSeconds(90));
        var partitionsOfB = split.Single(s => s.Id == b.SiloId).Partitions.ToHashSet();

        // Every symbol gets quotes first: the hub only subscribes to known symbols. Activity is
        // Zipf-like, so the rarest symbols get a run of their own.
        var first = await TickProducer.ProduceAsync(cluster, "first", new ProduceRequest(20_000, Symbols, random.Next(), EventTimeBase, BadMessages: 5));
        for (var round = 1; first.Symbols.Count < SymbolCount && round <= 3; round++)
        {
            var quiet = SymbolSelection.First(SymbolCount).Where(s => !first.Symbols.ContainsKey(s)).ToList();
            first = first.Then(await TickProducer.ProduceAsync(cluster, $"first-quiet-{round}", new ProduceRequest(
                50L * quiet.Count, string.Join(',', quiet), random.Next(), EventTimeBase.AddMinutes(30))));
        }

        Assert.Equal(SymbolCount, first.Symbols.Count);
        await Drain.WaitAsync(cluster, [a, b], first.TotalTicks, TimeSpan.FromSeconds(120));
        var symbolPartitions = await Partitions.OfSymbolsAsync(cluster);
        var symbolsOfB = symbolPartitions.Where(p => partitionsOfB.Contains(p.Value)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        cluster.Log($"{symbolsOfB.Count} of {first.Symbols.Count} symbols are on B's partitions");

        await using var client = await QuoteRecorder.SubscribeAsync(a, [.. first.Symbols.Keys]);
        cluster.Log($"client on {a.SiloId} subscribed to {first.Symbols.Count} symbols");

        var secondRun = TickProducer.ProduceAsync(cluster, "second", new ProduceRequest(
            45_000, Symbols, random.Next(), EventTimeBase.AddHours(1), Rate: 3_000, BadMessages: 5));

        // While B owns its partitions, its quotes reach A's client through Redis.
        await Eventually.UntilNothingMissingAsync(
            "A's client got updates of a quarter of B's symbols from B",
            TimeSpan.FromSeconds(60),
            () =>
            {
                var updated = symbolsOfB.Count(s => client.For(s)?.Updates > 0);
                return Task.FromResult(updated * 4 >= symbolsOfB.Count ? null : $"{updated} of {symbolsOfB.Count} updated");
            });

        // SIGTERM: B writes, commits and leaves; A takes over at once.
        var clock = Stopwatch.StartNew();
        var exitCode = await b.TerminateAsync();
        Assert.Equal(0, exitCode);
        await Partitions.WaitOwnsAllAsync(cluster, a, TimeSpan.FromSeconds(60), "after B's SIGTERM");
        cluster.Log($"A owns every partition {clock.Elapsed.TotalSeconds:0.0} s after B's SIGTERM");

        // B again: it takes some partitions back, then dies without a word.
        b.Start();
        var restarted = await Eventually.ValueAsync(
            "the restarted B owns partitions and applies ticks",
            TimeSpan.FromSeconds(90),
            b.GetStatusAsync,
            s => s.Partitions.Count > 0 && s.TicksApplied >= 1_000,
            s => s.Describe());
        cluster.Log($"restarted {restarted.Describe()}");
        clock.Restart();
        await b.KillAsync();
        await Partitions.WaitOwnsAllAsync(cluster, a, TimeSpan.FromSeconds(90), "after B's SIGKILL");
        cluster.Log($"A owns every partition {clock.Elapsed.TotalSeconds:0.0} s after B's SIGKILL (session timeout 10 s)");

        var second = await secondRun;
        var expected = first.Then(second);
        await Drain.WaitAsync(cluster, [a], expected.TotalTicks, TimeSpan.FromSeconds(90));
        await ResultVerifier.VerifyAsync(cluster, expected, [a]);

        // The client: every symbol's last update carries its final sequence (= its trade count).
        await Eventually.UntilNothingMissingAsync(
            "A's client holds every symbol's final sequence",
            TimeSpan.FromSeconds(30),
            () =>
            {
                var behind = expected.Symbols.Where(e => client.For(e.Key)?.Last != e.Value.Count).ToList();
                return Task.FromResult(behind.Count == 0
                    ? null
                    : $"{behind.Count} symbols behind, e.g. {string.Join(", ", behind.Take(5).Select(e => $"{e.Key} last {client.For(e.Key)?.Last} of {e.Value.Count}"))}");
            });

        Assert.False(client.Closed, $"The client's connection to A closed: {client.ClosedWith?.Message}");
        var traded = second.Symbols.Keys.ToList();
        var silent = traded.Where(s => client.For(s)!.Updates == 0).ToList();
        Assert.True(silent.Count == 0, $"{silent.Count} symbols traded during the hand-overs but A's client got no update of them: {string.Join(", ", silent.Take(20))}");
        var backwards = expected.Symbols.Keys.Where(s => client.For(s)!.Backwards > 0).ToList();
        Assert.True(backwards.Count == 0, $"{backwards.Count} symbols got an update whose sequence was not above the previous one: {string.Join(", ", backwards.Take(20))}");
        var ofB = traded.Count(symbolsOfB.Contains);
        Assert.True(ofB > 0, "No symbol of B's partitions traded during the hand-overs; the test proves nothing about them.");
        cluster.Log($"client: every symbol at its final sequence; {traded.Count} symbols updated during the hand-overs, {ofB} of them on B's first partitions");
    }
}
