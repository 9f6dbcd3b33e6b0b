using Pricing.Simulator.Cli.Kafka;

namespace Pricing.Simulator.Cli.Tests.Kafka;

public sealed class TickProducerConfigTests
{
    [Fact]
    public void KeepsPerKeyOrderAndChecksEveryDelivery()
    {
        var config = TickProducerConfig.Create("h:1", "murmur2_random", []);

        Assert.Equal("h:1", config.BootstrapServers);
        Assert.False(config.EnableIdempotence);
        // Written as "max.in.flight", librdkafka's alias of max.in.flight.requests.per.connection.
        Assert.Equal(1, config.MaxInFlight);
        Assert.Equal(Confluent.Kafka.Acks.All, config.Acks);
        Assert.Equal(5, config.LingerMs);
        Assert.True(config.EnableDeliveryReports);
        Assert.Equal("murmur2_random", config.Get("partitioner"));
    }

    [Fact]
    public void SettingsAreAppliedLastAndWin()
    {
        var config = TickProducerConfig.Create("h:1", "murmur2_random", [new("linger.ms", "20"), new("api.version.request", "false")]);
        var settings = config.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("20", settings["linger.ms"]);
        Assert.Equal("false", settings["api.version.request"]);
    }

    [Theory]
    [InlineData("a=b", "a", "b")]
    [InlineData("a = b ", "a", "b")]
    [InlineData("sasl.jaas=x=y", "sasl.jaas", "x=y")]
    [InlineData("empty=", "empty", "")]
    public void SettingsSplitAtTheFirstEquals(string text, string key, string value)
    {
        Assert.True(KafkaSetting.TryParse(text, out var setting));

        Assert.Equal(new KeyValuePair<string, string>(key, value), setting);
    }
}
