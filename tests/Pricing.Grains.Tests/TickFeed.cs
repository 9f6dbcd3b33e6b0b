namespace Pricing.Grains.Tests;

/// <summary>Hand-written ticks for edge cases: event times from ISO strings, offsets numbered per partition.</summary>
internal sealed class TickFeed
{
    private readonly Dictionary<int, long> _next = [];

    public static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static long Ticks(string iso) => Time(iso).UtcTicks;

    /// <summary>A new tick: the next offset of <paramref name="partition"/>.</summary>
    public Tick At(string iso, decimal price, decimal size = 1m, int partition = 0)
    {
        var offset = _next.GetValueOrDefault(partition);
        _next[partition] = offset + 1;
        return new Tick(RandomTickSequences.Symbol, price, size, Time(iso), partition, offset);
    }
}
