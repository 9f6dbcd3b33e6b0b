using Pricing.Grains.Symbol;
using Pricing.Runtime;

namespace Pricing.Grains.Storage;

/// <summary>
/// The symbol grain's storage in the embedded mode: state in <see cref="MemoryGrainStorage"/>,
/// and the state's history outbox moved into <see cref="MemorySymbolHistoryStore"/> after the
/// state write succeeds. (The PostgreSQL storage does both in one transaction.)
/// </summary>
public sealed class SymbolMemoryStorage(MemoryGrainStorage states, MemorySymbolHistoryStore history) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        states.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await states.WriteStateAsync(stateName, grainId, grainState);
        if (grainState.State is SymbolState { Outbox.IsEmpty: false } symbolState)
        {
            history.Append(grainId.Key, symbolState.Outbox.Trades, symbolState.Outbox.Candles(grainId.Key));
            symbolState.Outbox.Clear();
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        states.ClearStateAsync(stateName, grainId, grainState);
}
