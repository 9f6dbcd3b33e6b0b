using System.ComponentModel.DataAnnotations;

namespace Pricing.Grains;

/// <summary>What the symbol grain computes, bound from <c>Pricing:Analytics</c>.</summary>
public sealed class SymbolAnalyticsOptions : IValidatableObject
{
    public const string SectionName = "Pricing:Analytics";

    /// <summary>Ticks in the tick-count VWAP.</summary>
    [Range(1, 100_000)]
    public int VwapTicks { get; set; } = 100;

    /// <summary>Length of the time-window VWAP.</summary>
    public TimeSpan VwapWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bucket length of the time-window VWAP; the window is a whole number of buckets.</summary>
    public TimeSpan VwapWindowResolution { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bucket length of the rolling 24h open/high/low/volume.</summary>
    public TimeSpan DayWindowResolution { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<int> DefaultSmaPeriods = [20, 50];

    public static readonly IReadOnlyList<int> DefaultEmaPeriods = [12, 26];

    /// <summary>Simple moving average periods, in ticks; empty means <see cref="DefaultSmaPeriods"/>.</summary>
    /// <remarks>
    /// Empty rather than pre-filled because the configuration binder appends configured items to a
    /// pre-filled array instead of replacing it.
    /// </remarks>
    public int[] SmaPeriods { get; set; } = [];

    /// <summary>Exponential moving average periods, in ticks; empty means <see cref="DefaultEmaPeriods"/>.</summary>
    public int[] EmaPeriods { get; set; } = [];

    public IReadOnlyList<int> EffectiveSmaPeriods => SmaPeriods.Length > 0 ? SmaPeriods : DefaultSmaPeriods;

    public IReadOnlyList<int> EffectiveEmaPeriods => EmaPeriods.Length > 0 ? EmaPeriods : DefaultEmaPeriods;

    /// <summary>Log returns in the realised volatility window.</summary>
    [Range(2, 100_000)]
    public int VolatilityWindow { get; set; } = 100;

    /// <summary>Closed candles kept in memory per interval.</summary>
    [Range(1, 100_000)]
    public int CandleRetention { get; set; } = 500;

    /// <summary>How long after a candle's end late ticks still amend it (by event time).</summary>
    public TimeSpan LateTickGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Recent trades kept in memory for <c>GET /trades</c>; older pages come from the history store.</summary>
    [Range(0, 1_000_000)]
    public int RecentTrades { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in ValidateWindow(VwapWindow, VwapWindowResolution, nameof(VwapWindow), nameof(VwapWindowResolution), 100_000))
        {
            yield return result;
        }

        foreach (var result in ValidateWindow(TimeSpan.FromDays(1), DayWindowResolution, "24h window", nameof(DayWindowResolution), 100_000))
        {
            yield return result;
        }

        if (SmaPeriods.Any(p => p is < 1 or > 100_000) || SmaPeriods.Distinct().Count() != SmaPeriods.Length)
        {
            yield return new ValidationResult("SmaPeriods must be distinct periods between 1 and 100000.", [nameof(SmaPeriods)]);
        }

        if (EmaPeriods.Any(p => p is < 1 or > 100_000) || EmaPeriods.Distinct().Count() != EmaPeriods.Length)
        {
            yield return new ValidationResult("EmaPeriods must be distinct periods between 1 and 100000.", [nameof(EmaPeriods)]);
        }

        if (LateTickGrace < TimeSpan.Zero || LateTickGrace > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("LateTickGrace must be between 0 and 1 hour.", [nameof(LateTickGrace)]);
        }
        else if (TimeSpan.FromMinutes(CandleRetention) < LateTickGrace)
        {
            // Otherwise a late tick within the grace period could belong to a 1m candle no longer held.
            yield return new ValidationResult(
                $"CandleRetention ({CandleRetention}) one-minute candles must cover LateTickGrace ({LateTickGrace}).", [nameof(CandleRetention)]);
        }
    }

    private static IEnumerable<ValidationResult> ValidateWindow(TimeSpan length, TimeSpan resolution, string lengthName, string resolutionName, int maxBuckets)
    {
        if (length <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{lengthName} must be positive.", [lengthName]);
        }
        else if (resolution <= TimeSpan.Zero || length.Ticks % resolution.Ticks != 0 || length.Ticks / resolution.Ticks > maxBuckets)
        {
            yield return new ValidationResult(
                $"{resolutionName} ({resolution}) must divide {lengthName} ({length}) into at most {maxBuckets} buckets.", [resolutionName]);
        }
    }
}
