namespace Pricing.Grains.Tests.Reference;

/// <summary>Stands in for history: the latest version of every closed candle the analytics reported.</summary>
internal sealed class RecordingCandleSink : ICandleChangeSink
{
    private readonly Dictionary<(CandleInterval Interval, long Start), CandleBar> _latest = [];

    public int Notifications { get; private set; }

    public void OnClosedCandleChanged(CandleInterval interval, in CandleBar bar)
    {
        Notifications++;
        _latest[(interval, bar.Start)] = bar;
    }

    /// <summary>Closed candles of one interval, newest first, as a history store returns them.</summary>
    public IReadOnlyList<Candle> Closed(CandleInterval interval, string symbol) =>
        [.. _latest.Where(e => e.Key.Interval == interval)
            .OrderByDescending(e => e.Key.Start)
            .Select(e => e.Value.ToCandle(symbol, interval, interval.ToTimeSpan().Ticks, closed: true))];
}
