using BenchmarkDotNet.Attributes;
using Pricing.Grains;
using Pricing.Grains.Analytics;

namespace Pricing.Benchmarks;

/// <summary>
/// Cost of one tick through every statistic of a symbol (VWAPs, SMA, EMA, volatility, 24h range,
/// six candle intervals, applied offsets), default settings, steady state. The baseline is
/// producing the tick alone, so the difference is the analytics.
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private const int TicksPerInvoke = 10_000;
    private SimulatedTicks _ticks = null!;
    private SymbolAnalytics _analytics = null!;
    private readonly NoCandleSink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _ticks = new SimulatedTicks("AAPL", 100_000);
        _analytics = new SymbolAnalytics(new SymbolAnalyticsOptions());
        // Warm every window up to steady state (full rings, closed candles retained).
        for (var i = 0; i < 200_000; i++)
        {
            _analytics.Apply(_ticks.Next(), _sink);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TicksPerInvoke)]
    public decimal ProduceTickOnly()
    {
        decimal sum = 0;
        for (var i = 0; i < TicksPerInvoke; i++)
        {
            sum += _ticks.Next().Price;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public long ApplyTick()
    {
        for (var i = 0; i < TicksPerInvoke; i++)
        {
            _analytics.Apply(_ticks.Next(), _sink);
        }

        return _analytics.Sequence;
    }

    private sealed class NoCandleSink : ICandleChangeSink
    {
        public void OnClosedCandleChanged(CandleInterval interval, in CandleBar bar)
        {
        }
    }
}
