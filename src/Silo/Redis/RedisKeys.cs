using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pricing.Silo.Redis;

/// <summary>Names of the keys and channels the silos share.</summary>
internal sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>Set of every symbol with a cached quote.</summary>
    public RedisKey Symbols => _prefix + "symbols";

    /// <summary>Hash per symbol: <c>quote</c> (JSON), <c>stats</c> (JSON), <c>sequence</c>, <c>silo</c>.</summary>
    public RedisKey Symbol(string symbol) => _prefix + "symbol:" + symbol;

    /// <summary>Channel carrying every quote update of every silo.</summary>
    public RedisChannel Quotes => _prefix + "quotes";

    /// <summary>Set of silo ids that have registered.</summary>
    public RedisKey Silos => _prefix + "silos";

    /// <summary>Hash per silo, expiring unless renewed.</summary>
    public RedisKey Silo(string siloId) => _prefix + "silo:" + siloId;
}
