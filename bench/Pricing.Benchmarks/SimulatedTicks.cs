using Pricing.Grains;
using Pricing.Simulator;

namespace Pricing.Benchmarks;

/// <summary>Seeded simulator ticks for one symbol, re-stamped on the fly with fresh offsets and advancing event times so that replaying them never hits the duplicate or late-tick paths.</summary>
internal sealed class SimulatedTicks
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly Tick[] _source;
    private long _next;

    public SimulatedTicks(string symbol, int count, int seed = 42)
    {
        var simulator = new MarketSimulator(new SimulatorOptions { Seed = seed, Symbols = { symbol } });
        _source = new Tick[count];
        simulator.Fill(_source, Origin, Origin.AddSeconds(count / 40.0));
    }

    /// <summary>The next tick: source prices and sizes, offset and event time (25 ms apart, about 40 trades a second) continuing forever.</summary>
    public Tick Next()
    {
        var n = _next++;
        var tick = _source[n % _source.Length];
        return tick with { Offset = n, Timestamp = Origin.AddTicks(n * TimeSpan.TicksPerMillisecond * 25) };
    }

    public void FillNext(Span<Tick> batch)
    {
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = Next();
        }
    }
}
