using Pricing.Grains.Symbol;

namespace Pricing.Grains.Tests;

/// <summary>
/// A changed late-tick grace period restarts the candle series (the codec drops their sections,
/// open candle and latest event time included), and the grain then restores the closed candles
/// from history. The restarted series must still respect those closed candles.
/// </summary>
/// <remarks>
/// Both tests fail against the current src: the restarted series has no open candle and no
/// latest event time, so the first tick after the restart opens a candle in whatever bucket it
/// falls, even one older than the restored closed candles; when the next bucket arrives that
/// candle is "closed" and reported to history, replacing the complete candle stored there.
/// </remarks>
public sealed class GraceChangeTests
{
    private const string Symbol = RandomTickSequences.Symbol;
    private readonly Restarts _restarts = new();
    private readonly TickFeed _feed = new();

    [Fact]
    public async Task After_a_grace_change_a_late_tick_does_not_replace_a_closed_candle_in_history()
    {
        await RunAsync();

        var stored = await _restarts.History.GetCandlesAsync(Symbol, CandleInterval.OneMinute, 10, before: null, CancellationToken.None);
        var tenOhOne = Assert.Single(stored, c => c.Start == TickFeed.Time("2024-05-01T10:01:00Z"));
        Assert.True(
            tenOhOne.TradeCount >= 2 && tenOhOne.Open == 101m,
            $"The closed 10:01 candle (open 101, two trades) was replaced in history by {tenOhOne}");
    }

    [Fact]
    public async Task After_a_grace_change_candle_pages_hold_each_bucket_once_newest_first()
    {
        var analytics = await RunAsync();

        var page = analytics.RecentCandles(Symbol, new CandleQuery(CandleInterval.OneMinute, 10, null));
        Assert.True(
            page.Zip(page.Skip(1)).All(p => p.First.Start > p.Second.Start),
            "Candles are not strictly newest first: " + string.Join(", ", page.Select(c => $"{c.Start:HH:mm} closed={c.Closed} n={c.TradeCount}")));
    }

    private async Task<SymbolAnalytics> RunAsync()
    {
        var analytics = new SymbolAnalytics(new SymbolAnalyticsOptions { LateTickGrace = TimeSpan.FromSeconds(5) });
        Apply(analytics, "2024-05-01T10:00:30Z", 100m);
        Apply(analytics, "2024-05-01T10:01:30Z", 101m);
        Apply(analytics, "2024-05-01T10:01:40Z", 101.5m);
        Apply(analytics, "2024-05-01T10:02:30Z", 102m);

        analytics = await _restarts.RestartAsync(analytics, new SymbolAnalyticsOptions { LateTickGrace = TimeSpan.FromSeconds(30) });
        // 10:01:50 is late under either grace period: the latest event time is 10:02:30.
        Apply(analytics, "2024-05-01T10:01:50Z", 90m);
        Apply(analytics, "2024-05-01T10:02:40Z", 103m);
        Apply(analytics, "2024-05-01T10:03:10Z", 104m);
        _restarts.History.Append(Symbol, [], _restarts.Outbox.Candles(Symbol));
        return analytics;
    }

    private void Apply(SymbolAnalytics analytics, string at, decimal price) =>
        Assert.True(analytics.Apply(_feed.At(at, price), _restarts.Outbox));
}
