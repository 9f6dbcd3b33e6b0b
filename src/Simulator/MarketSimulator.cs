using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Pricing.Grains;
using Pricing.Simulator.Sampling;

namespace Pricing.Simulator;

/// <summary>
/// Generates trades: each tick picks a symbol by activity weight, moves that symbol's price along a
/// geometric Brownian motion over the event time elapsed since its previous tick, and draws a
/// heavy-tailed size. The same profiles, sizes and seed give the same ticks for the same event
/// times. Pure logic: no clock, no I/O; not thread-safe.
/// </summary>
public sealed class MarketSimulator
{
    // Calendar year: the simulated market trades around the clock, so sigma is per calendar year.
    private const double TimeSpanTicksPerYear = 365.25 * TimeSpan.TicksPerDay;

    private readonly SymbolPath[] _paths;
    private readonly AliasTable _activity;
    private readonly TradeSizeSampler _sizes;
    private readonly RandomSource _random;
    private bool _started;

    /// <summary>A simulator for the symbols and settings in <paramref name="options"/>.</summary>
    /// <exception cref="ValidationException">The options are not valid.</exception>
    public MarketSimulator(SimulatorOptions options)
        : this(SymbolProfiles.Resolve(Validated(options)), options.TradeSizes, options.Seed)
    {
    }

    /// <summary>A simulator for explicit profiles.</summary>
    /// <param name="profiles">One per symbol, at least one, no symbol twice.</param>
    /// <param name="tradeSizes">Distribution of trade sizes, in each symbol's lots.</param>
    /// <param name="seed">Seed of the random source; null picks one, readable from <see cref="Seed"/>.</param>
    /// <exception cref="ArgumentException">A profile or the size distribution is out of range.</exception>
    public MarketSimulator(IEnumerable<SymbolProfile> profiles, TradeSizeDistribution tradeSizes, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(tradeSizes);
        Profiles = [.. profiles];
        if (Profiles.Count == 0)
            throw new ArgumentException("At least one symbol profile is needed.", nameof(profiles));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in Profiles)
        {
            profile.EnsureValid();
            if (!seen.Add(profile.Symbol))
                throw new ArgumentException($"Symbol '{profile.Symbol}' has two profiles.", nameof(profiles));
        }

        _paths = [.. Profiles.Select(p => new SymbolPath(p))];
        _activity = new AliasTable([.. Profiles.Select(p => p.ActivityWeight)]);
        _sizes = new TradeSizeSampler(tradeSizes);
        Seed = seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        _random = new RandomSource(Seed);
    }

    /// <summary>The seed in use; logging it makes an unseeded run reproducible.</summary>
    public int Seed { get; }

    /// <summary>The simulated symbols, in the order given.</summary>
    public IReadOnlyList<SymbolProfile> Profiles { get; }

    /// <summary>
    /// The next trade, at <paramref name="eventTime"/>. The first call starts every symbol's path at
    /// its initial price at that time. An event time earlier than the chosen symbol's previous
    /// tick does not move its price (time never runs backwards for a path).
    /// <see cref="Tick.Partition"/> and <see cref="Tick.Offset"/> are 0: the ingest assigns log positions.
    /// </summary>
    public Tick Next(DateTimeOffset eventTime)
    {
        var time = eventTime.ToUniversalTime();
        if (!_started)
        {
            foreach (var path in _paths)
                path.LastTicks = time.UtcTicks;
            _started = true;
        }

        var symbol = _paths[_activity.Sample(_random.NextDouble())];
        var elapsed = time.UtcTicks - symbol.LastTicks;
        if (elapsed > 0)
        {
            symbol.Advance(elapsed / TimeSpanTicksPerYear, _random.NextNormal());
            symbol.LastTicks = time.UtcTicks;
        }

        var lots = _sizes.SampleLots(_random.NextDouble());
        return new Tick(
            symbol.Profile.Symbol,
            PriceUnits.ToDecimal(symbol.Price, symbol.Profile.PriceDecimals),
            lots * symbol.Profile.LotSize,
            time,
            Partition: 0,
            Offset: 0);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with ticks whose event times are spread evenly over
    /// [<paramref name="from"/>, <paramref name="to"/>), in non-decreasing order, the first at
    /// <paramref name="from"/>. An empty interval puts every tick at <paramref name="from"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public void Fill(Span<Tick> destination, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var start = from.UtcTicks;
        var span = (to - from).Ticks;
        var count = destination.Length;
        for (var i = 0; i < count; i++)
        {
            // Int128 so long intervals times large batches cannot overflow.
            var offset = (long)((Int128)span * i / count);
            destination[i] = Next(new DateTimeOffset(start + offset, TimeSpan.Zero));
        }
    }

    private static SimulatorOptions Validated(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
