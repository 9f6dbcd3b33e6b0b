using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.ReadModel;

/// <summary>Market summary settings, bound from <c>Pricing:Summary</c>.</summary>
public sealed class MarketSummaryOptions
{
    public const string SectionName = "Pricing:Summary";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Symbols in each of the top gainers, top losers and most active lists.</summary>
    [Range(1, 100)]
    public int TopCount { get; set; } = 5;
}
