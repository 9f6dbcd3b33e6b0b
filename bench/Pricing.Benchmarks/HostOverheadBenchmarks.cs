using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Runtime.Core;

namespace Pricing.Benchmarks;

/// <summary>
/// A tick through the actor host versus the same grain code called directly. Ticks arrive in
/// per-symbol batches, as the ingest sends them; each invocation applies one batch to each of
/// 100 symbols. Baseline: calling the activated grain instance's <c>ApplyAsync</c> directly.
/// The other: calling it through the grain reference (directory lookup, turn gate, metrics).
/// </summary>
[MemoryDiagnoser]
public class HostOverheadBenchmarks
{
    private const int Symbols = 100;
    private ServiceProvider _services = null!;
    private ISymbolGrain[] _references = null!;
    private ISymbolGrain[] _instances = null!;
    private SimulatedTicks[] _ticks = null!;
    private Tick[] _batch = null!;

    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddGrainRuntime();
        services.AddSymbolGrains();
        services.AddSymbolMemoryStorage();
        services.AddSingleton<IMarketUpdates, DiscardingMarketUpdates>();
        _services = services.BuildServiceProvider();

        var factory = _services.GetRequiredService<IGrainFactory>();
        var runtime = _services.GetRequiredService<GrainRuntime>();
        _batch = new Tick[BatchSize];
        _references = new ISymbolGrain[Symbols];
        _instances = new ISymbolGrain[Symbols];
        _ticks = new SimulatedTicks[Symbols];
        for (var i = 0; i < Symbols; i++)
        {
            var symbol = $"SYM{i:D3}";
            _ticks[i] = new SimulatedTicks(symbol, 10_000, seed: i);
            _references[i] = factory.GetGrain<ISymbolGrain>(symbol);
            ApplyOne(_references[i], i).AsTask().GetAwaiter().GetResult();
            _instances[i] = (ISymbolGrain)(runtime.FindActiveGrain(new GrainId("symbol", symbol))
                ?? throw new InvalidOperationException($"{symbol} did not activate."));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Symbols)]
    public async Task<long> DirectCall()
    {
        long sequence = 0;
        for (var i = 0; i < Symbols; i++)
        {
            sequence += await ApplyOne(_instances[i], i);
        }

        return sequence;
    }

    [Benchmark(OperationsPerInvoke = Symbols)]
    public async Task<long> ThroughHost()
    {
        long sequence = 0;
        for (var i = 0; i < Symbols; i++)
        {
            sequence += await ApplyOne(_references[i], i);
        }

        return sequence;
    }

    private async ValueTask<long> ApplyOne(ISymbolGrain grain, int symbol)
    {
        _ticks[symbol].FillNext(_batch);
        var result = await grain.ApplyAsync(new TickBatch(_batch));
        return result.Sequence;
    }

    private sealed class DiscardingMarketUpdates : IMarketUpdates
    {
        public void Publish(Quote quote)
        {
        }

        public IDisposable Subscribe(IQuoteObserver observer) => throw new NotSupportedException();
    }
}
