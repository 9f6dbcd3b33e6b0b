using System.Collections.Concurrent;
using System.Diagnostics;
using Pricing.Silo.Tests.Support;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Hub;

[Collection(SiloCollection.Name)]
public sealed class HubSummaryTests(SiloFixture silo)
{
    [Fact]
    public async Task SummarySubscriptionDeliversASummaryAboutOnceASecond()
    {
        await using var connection = MarketHubClient.Build(silo.Factory.BaseAddress);
        var clock = Stopwatch.StartNew();
        var received = new ConcurrentQueue<(TimeSpan At, MarketSummary Summary)>();
        connection.OnSummary(summary => received.Enqueue((clock.Elapsed, summary)));
        await connection.StartAsync();

        var current = await connection.SubscribeSummaryAsync();
        await Eventually.TrueAsync(() => received.Count >= 3, () => $"three summaries ({received.Count} so far)");

        Assert.Equal(SiloSettings.Symbols.Count, current.Symbols);
        var summaries = received.ToList();
        Assert.True(summaries[0].Summary.AsOf > current.AsOf, "the first update is newer than the subscription's summary");
        foreach (var (previous, next) in summaries.Zip(summaries.Skip(1)))
        {
            Assert.InRange((next.Summary.AsOf - previous.Summary.AsOf).TotalSeconds, 0.7, 1.5);
            Assert.InRange((next.At - previous.At).TotalSeconds, 0.4, 1.8);
            Assert.Equal(SiloSettings.Symbols.Count, next.Summary.Symbols);
            Assert.True(next.Summary.TotalTrades > previous.Summary.TotalTrades);
            Assert.True(next.Summary.TicksPerSecond > 0);
        }
    }
}
