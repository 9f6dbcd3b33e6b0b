namespace Pricing.Grains;

/// <summary>The latest market summary, recomputed periodically, and a notification when it changes.</summary>
public interface IMarketSummaryFeed
{
    MarketSummary Current { get; }

    event Action<MarketSummary>? Updated;
}
