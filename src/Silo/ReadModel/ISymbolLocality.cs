namespace Pricing.Silo.ReadModel;

/// <summary>Whether this silo hosts a symbol's grain (owns its partition) and so answers for it from the grain.</summary>
public interface ISymbolLocality
{
    bool IsLocal(string symbol);
}

/// <summary>Embedded mode: one silo, every symbol is local.</summary>
internal sealed class AllSymbolsLocal : ISymbolLocality
{
    public bool IsLocal(string symbol) => true;
}
