using System.Text.Json;
using Pricing.Grains;
using Pricing.Silo.ReadModel;

namespace Pricing.Silo.Redis;

/// <summary>Reads another silo's symbol statistics from its last-value hash in Redis.</summary>
internal sealed class RedisSymbolStats(RedisConnection redis, RedisKeys keys) : IRemoteSymbolStats
{
    public async ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken)
    {
        var json = await redis.Database.HashGetAsync(keys.Symbol(symbol), "stats");
        return json.HasValue ? JsonSerializer.Deserialize<SymbolStats>((string)json!, ClusterJson.Options) : null;
    }
}
