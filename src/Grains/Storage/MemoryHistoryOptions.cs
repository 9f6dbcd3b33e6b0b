using System.ComponentModel.DataAnnotations;

namespace Pricing.Grains;

/// <summary>Bounds of the embedded mode's in-memory history, bound from <c>Pricing:MemoryHistory</c>.</summary>
public sealed class MemoryHistoryOptions
{
    public const string SectionName = "Pricing:MemoryHistory";

    /// <summary>Trades kept per symbol.</summary>
    [Range(1, 10_000_000)]
    public int TradesPerSymbol { get; set; } = 10_000;

    /// <summary>Closed candles kept per symbol and interval.</summary>
    [Range(1, 1_000_000)]
    public int CandlesPerInterval { get; set; } = 2_000;
}
