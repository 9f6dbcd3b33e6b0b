using System.ComponentModel.DataAnnotations;
using Pricing.Grains;

namespace Pricing.Simulator;

/// <summary>
/// Settings of the market simulator, bound from the configuration section <see cref="SectionName"/>.
/// Single-field rules are attributes; rules across fields are in <see cref="Validate"/>, which
/// <c>ValidateDataAnnotations()</c> runs too, so a bad configuration fails at start-up.
/// </summary>
public sealed class SimulatorOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pricing:Simulator";

    /// <summary>
    /// Symbols to simulate, most active first (see <see cref="ActivitySkew"/>). Empty means the
    /// built-in universe, <see cref="SymbolProfiles.DefaultSymbols"/>.
    /// </summary>
    /// <remarks>
    /// Empty rather than pre-filled because the configuration binder appends configured items to a
    /// pre-filled list instead of replacing it.
    /// </remarks>
    public IList<string> Symbols { get; } = new List<string>();

    /// <summary>Ticks produced per wall-clock second, across all symbols.</summary>
    [Range(0.001, 10_000_000)]
    public double TicksPerSecond { get; set; } = 2000;

    /// <summary>Seed of the random source; the same seed gives the same ticks. Null picks one at random.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Event-time seconds per wall-clock second. 1 is real time; 3600 runs an hour of market (and
    /// fills hourly candles) in one second. It speeds up event time, not the tick rate.
    /// </summary>
    [Range(0.001, 10_000_000)]
    public double SimulatedSecondsPerSecond { get; set; } = 1;

    /// <summary>Annualised drift (mu) of every symbol.</summary>
    [Range(-2.0, 2.0)]
    public double Drift { get; set; } = 0.05;

    /// <summary>Annualised volatility (sigma) of equities, ETFs and symbols not in the built-in table.</summary>
    [Range(0.0, 5.0)]
    public double Volatility { get; set; } = 0.25;

    /// <summary>Annualised volatility (sigma) of the built-in crypto pairs.</summary>
    [Range(0.0, 5.0)]
    public double CryptoVolatility { get; set; } = 0.8;

    /// <summary>
    /// Price decimals of equities, ETFs and symbols not in the built-in table (a cent tick). The
    /// built-in crypto pairs carry their own (DOGE-USD trades in 0.00001).
    /// </summary>
    [Range(0, SymbolProfile.MaxPriceDecimals)]
    public int PriceDecimals { get; set; } = 2;

    /// <summary>
    /// Tail index (alpha) of the trade-size power law: P(size ≥ x) ~ x^-alpha. 1.5 is close to
    /// what is measured on equity markets: the mean is finite, the variance is not.
    /// </summary>
    [Range(1.05, 10.0)]
    public double SizeTailIndex { get; set; } = 1.5;

    /// <summary>Smallest trade, in lots (the power law's scale).</summary>
    [Range(1, 1_000_000_000)]
    public int MinTradeLots { get; set; } = 1;

    /// <summary>Largest trade, in lots; the power law is truncated here.</summary>
    [Range(1, 1_000_000_000)]
    public int MaxTradeLots { get; set; } = 10_000;

    /// <summary>
    /// Zipf exponent of activity: the symbol at position r (1-based) in <see cref="Symbols"/>
    /// trades with weight 1/r^skew. 0 makes every symbol equally active.
    /// </summary>
    [Range(0.0, 4.0)]
    public double ActivitySkew { get; set; } = 1.0;

    /// <summary>
    /// After a stall the feed catches up with at most this much time's worth of ticks at once; the
    /// rest are skipped so a slow consumer is not flooded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxBurst { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The trade-size distribution these options describe.</summary>
    public TradeSizeDistribution TradeSizes => new(SizeTailIndex, MinTradeLots, MaxTradeLots);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxTradeLots < MinTradeLots)
        {
            yield return new ValidationResult(
                $"{nameof(MaxTradeLots)} ({MaxTradeLots}) must be at least {nameof(MinTradeLots)} ({MinTradeLots}).",
                [nameof(MaxTradeLots), nameof(MinTradeLots)]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in Symbols)
        {
            if (!SymbolRules.IsValid(symbol))
            {
                yield return new ValidationResult(
                    $"Symbol '{symbol}' is not valid: {SymbolRules.Description}.", [nameof(Symbols)]);
            }
            else if (!seen.Add(symbol))
            {
                yield return new ValidationResult($"Symbol '{symbol}' is listed twice.", [nameof(Symbols)]);
            }
        }
    }
}
