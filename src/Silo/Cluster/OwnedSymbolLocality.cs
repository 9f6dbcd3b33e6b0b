using Pricing.Silo.ReadModel;

namespace Pricing.Silo.Cluster;

/// <summary>Cluster mode: a symbol is local when it arrived on a partition this silo owns now.</summary>
internal sealed class OwnedSymbolLocality(SymbolPartitions symbols, PartitionOwnership ownership) : ISymbolLocality
{
    public bool IsLocal(string symbol) =>
        symbols.TryGetPartition(symbol, out var partition) && ownership.TryGetGeneration(partition, out _);
}
