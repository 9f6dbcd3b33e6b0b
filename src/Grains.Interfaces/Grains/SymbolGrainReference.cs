using Pricing.Runtime;

namespace Pricing.Grains;

/// <summary>Reference to a symbol grain: each method runs as a turn of the activation (see <see cref="GrainReference"/>).</summary>
public sealed class SymbolGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), ISymbolGrain
{
    public ValueTask<ApplyResult> ApplyAsync(TickBatch batch) =>
        InvokeAsync<ISymbolGrain, TickBatch, ApplyResult>(static (grain, b) => grain.ApplyAsync(b), batch);

    public ValueTask<Quote?> GetQuoteAsync() =>
        InvokeAsync<ISymbolGrain, Quote?>(static grain => grain.GetQuoteAsync());

    public ValueTask<SymbolStats?> GetStatsAsync() =>
        InvokeAsync<ISymbolGrain, SymbolStats?>(static grain => grain.GetStatsAsync());

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(CandleQuery query) =>
        InvokeAsync<ISymbolGrain, CandleQuery, IReadOnlyList<Candle>>(static (grain, q) => grain.GetCandlesAsync(q), query);

    public ValueTask<IReadOnlyList<Trade>> GetTradesAsync(TradeQuery query) =>
        InvokeAsync<ISymbolGrain, TradeQuery, IReadOnlyList<Trade>>(static (grain, q) => grain.GetTradesAsync(q), query);

    public ValueTask FlushAsync() =>
        InvokeAsync<ISymbolGrain>(static grain => grain.FlushAsync());
}
