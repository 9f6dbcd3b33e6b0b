using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>Statistics of symbols hosted by other silos, from the shared last-value cache.</summary>
public interface IRemoteSymbolStats
{
    ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken);
}
