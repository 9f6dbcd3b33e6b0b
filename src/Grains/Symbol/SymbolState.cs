using Pricing.Grains.Analytics;

namespace Pricing.Grains.Symbol;

/// <summary>
/// The symbol grain's state. <see cref="Analytics"/> is what is stored (by
/// <see cref="SymbolStateCodec"/>); <see cref="Outbox"/> is the history to write with it and
/// is never part of the encoded state.
/// </summary>
public sealed class SymbolState
{
    internal SymbolAnalytics? Analytics { get; set; }

    public HistoryOutbox Outbox { get; } = new();

    /// <summary>The applied offsets per partition, also written beside the state by storages that track consumer progress.</summary>
    public IReadOnlyDictionary<int, long> AppliedOffsets =>
        Analytics?.Offsets.Highest ?? (IReadOnlyDictionary<int, long>)new Dictionary<int, long>();
}
