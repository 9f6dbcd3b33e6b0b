using System.Text;
using Pricing.Silo.Kafka;

namespace Pricing.Silo.Tests.Ingest;

/// <summary>The silo's parser against the examples and rules of docs/tick-message.md.</summary>
public sealed class TickMessageParserTests
{
    private readonly TickMessageParser _parser = new();

    [Theory]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z","venue":"X"}""")]
    [InlineData("""{"timestamp":"2026-11-22T02:18:29.1234567Z","size":1,"price":1,"symbol":"AAPL"}""")]
    [InlineData("""{"symbol":"AAPL","price":189.20,"size":0.0001,"timestamp":"2026-11-22T02:18:29.1Z","extra":{"nested":[1,2]}}""")]
    public void ValidMessagesParse(string value)
    {
        Assert.True(Parse("AAPL", value, out _, out var error), error);
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","price":1,"price":2,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "twice")]
    [InlineData("""{"symbol":"AAPL","price":1e2,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "plain decimal")]
    [InlineData("""{"symbol":"AAPL","price":-1.5,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "plain decimal")]
    [InlineData("""{"symbol":"AAPL","price":"1","size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "plain decimal")]
    [InlineData("""{"symbol":"AAPL","price":0,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "outside")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1000000000000.01,"timestamp":"2026-11-22T02:18:29Z"}""", "outside")]
    [InlineData("""{"symbol":"MSFT","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "does not equal the key")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29.123"}""", "timestamp")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29+00:00"}""", "timestamp")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29.12345678Z"}""", "timestamp")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-02-30T02:18:29Z"}""", "timestamp")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":1795400309123}""", "timestamp")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1}""", "timestamp is missing")]
    [InlineData("""{"price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", "symbol is missing")]
    [InlineData("""["AAPL",1,1,"2026-11-22T02:18:29Z"]""", "not a JSON object")]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z"}{}""", "JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void MalformedMessagesAreRejectedWithTheReason(string value, string reason)
    {
        Assert.False(Parse("AAPL", value, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aapl")]
    [InlineData("")]
    [InlineData("TOO-LONG-SYMBOL-XX")]
    [InlineData("BAD SYMBOL")]
    public void InvalidKeysAreRejected(string key)
    {
        Assert.False(Parse(key, """{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", out _, out var error));
        Assert.Contains("symbol", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsedTickKeepsExactDecimalsAndPosition()
    {
        Assert.True(Parse("BRK.B", """{"symbol":"BRK.B","price":412.30,"size":7,"timestamp":"2026-11-22T02:18:29.1234567Z"}""", out var tick, out _));

        Assert.Equal("BRK.B", tick.Symbol);
        Assert.Equal("412.30", tick.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7m, tick.Size);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 18, 29, TimeSpan.Zero).AddTicks(1_234_567), tick.Timestamp);
        Assert.Equal((3, 1234L), (tick.Partition, tick.Offset));
    }

    [Fact]
    public void RepeatedSymbolsShareOneString()
    {
        const string Value = """{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""";
        Parse("AAPL", Value, out var first, out _);
        Parse("AAPL", Value, out var second, out _);

        Assert.Same(first.Symbol, second.Symbol);
    }

    private bool Parse(string key, string value, out Pricing.Grains.Tick tick, out string? error) =>
        _parser.TryParse(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value), 3, 1234, out tick, out error);
}
