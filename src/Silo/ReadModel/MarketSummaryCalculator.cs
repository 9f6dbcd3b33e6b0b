using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>Computes a market summary from the latest quotes (pure; the service around it supplies time and the previous total).</summary>
internal static class MarketSummaryCalculator
{
    public static MarketSummary Compute(IReadOnlyCollection<Quote> quotes, DateTimeOffset asOf, double ticksPerSecond, int topCount)
    {
        int advancers = 0, decliners = 0, unchanged = 0;
        long trades = 0;
        decimal volume = 0;
        foreach (var q in quotes)
        {
            trades += q.TradeCount;
            volume += q.Volume24h;
            if (q.Change24h > 0)
            {
                advancers++;
            }
            else if (q.Change24h < 0)
            {
                decliners++;
            }
            else
            {
                unchanged++;
            }
        }

        return new MarketSummary(
            asOf,
            quotes.Count,
            advancers,
            decliners,
            unchanged,
            trades,
            volume,
            ticksPerSecond,
            [.. quotes.Where(q => q.ChangePercent24h > 0).OrderByDescending(q => q.ChangePercent24h).ThenBy(q => q.Symbol, StringComparer.Ordinal).Take(topCount).Select(ToSummary)],
            [.. quotes.Where(q => q.ChangePercent24h < 0).OrderBy(q => q.ChangePercent24h).ThenBy(q => q.Symbol, StringComparer.Ordinal).Take(topCount).Select(ToSummary)],
            [.. quotes.OrderByDescending(q => q.Volume24h * q.Price).ThenBy(q => q.Symbol, StringComparer.Ordinal).Take(topCount).Select(ToSummary)]);
    }

    public static SymbolSummary ToSummary(Quote q) => new(q.Symbol, q.Price, q.ChangePercent24h, q.TradeCount, q.Timestamp, q.Sequence);
}
