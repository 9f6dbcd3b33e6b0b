namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// One OHLCV candle: the ticks whose timestamp lies in [<see cref="Start"/>, start + interval),
/// buckets aligned to UTC midnight. Open and close are the first and last tick in produce order,
/// which is also event-time order because a symbol's timestamps never go down.
/// </summary>
public sealed record ExpectedCandle
{
    /// <summary>Bucket start (inclusive), UTC.</summary>
    public required DateTimeOffset Start { get; init; }

    public required decimal Open { get; init; }

    public required decimal High { get; init; }

    public required decimal Low { get; init; }

    public required decimal Close { get; init; }

    /// <summary>Sum of sizes.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Sum of price × size.</summary>
    public required decimal Turnover { get; init; }

    /// <summary>Ticks in the bucket.</summary>
    public required long TradeCount { get; init; }
}
