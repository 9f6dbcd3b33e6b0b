namespace Pricing.Grains;

/// <summary>
/// One trade as it enters the service. <see cref="Partition"/> and <see cref="Offset"/> give its
/// position in the input log (a Kafka partition, or the embedded feed's in-memory log); the
/// symbol grain skips any tick at or below the offset it has already applied for that partition.
/// </summary>
/// <param name="Symbol">Instrument, see <see cref="SymbolRules"/>.</param>
/// <param name="Price">Trade price, positive. Money is <see cref="decimal"/> so sums and candles are exact and reproducible.</param>
/// <param name="Size">Traded quantity, positive.</param>
/// <param name="Timestamp">Event time: when the trade happened, not when it arrived.</param>
/// <param name="Partition">Input log partition.</param>
/// <param name="Offset">Position in that partition, strictly increasing.</param>
public readonly record struct Tick(string Symbol, decimal Price, decimal Size, DateTimeOffset Timestamp, int Partition, long Offset);
