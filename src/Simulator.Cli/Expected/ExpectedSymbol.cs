namespace Pricing.Simulator.Cli.Expected;

/// <summary>Everything a consumer must have applied for one symbol. Money is exact <see cref="decimal"/>.</summary>
public sealed record ExpectedSymbol
{
    /// <summary>Ticks of the symbol.</summary>
    public required long Count { get; init; }

    /// <summary>Sum of sizes.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Sum of price × size.</summary>
    public required decimal Turnover { get; init; }

    /// <summary><see cref="Turnover"/> / <see cref="Volume"/> in <see cref="decimal"/> division (28-29 significant digits).</summary>
    public required decimal Vwap { get; init; }

    /// <summary>Price of the tick with the latest timestamp; of equal timestamps, the last produced.</summary>
    public required decimal LastPrice { get; init; }

    /// <summary>Earliest event time.</summary>
    public required DateTimeOffset FirstTimestamp { get; init; }

    /// <summary>Latest event time.</summary>
    public required DateTimeOffset LastTimestamp { get; init; }

    /// <summary>Candles by interval name (1m, 5m, 15m, 1h, 4h, 1d), oldest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ExpectedCandle>> Candles { get; init; }
}
