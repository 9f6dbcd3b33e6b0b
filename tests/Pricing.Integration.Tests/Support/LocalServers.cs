using System.Globalization;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Where deploy/local/infra.sh runs the servers. The same PRICING_*_PORT overrides as the script,
/// so a developer whose default ports are taken can run both on others.
/// </summary>
internal sealed record LocalServers(int KafkaPort, int RedisPort, int PostgresPort)
{
    /// <summary>librdkafka settings the local Kafka 0.9 needs (docs: deploy/local/README.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> KafkaClientSettings = new Dictionary<string, string>
    {
        ["api.version.request"] = "false",
        ["broker.version.fallback"] = "0.9.0.1",
    };

    public static LocalServers FromEnvironment() =>
        new(Port("PRICING_KAFKA_PORT", 19092), Port("PRICING_REDIS_PORT", 16379), Port("PRICING_PG_PORT", 15432));

    public string KafkaBootstrapServers => $"127.0.0.1:{KafkaPort}";

    public string RedisConfiguration => $"127.0.0.1:{RedisPort}";

    public string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=pricing;Password=pricing;Database={database}";

    private static int Port(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : fallback;
}
