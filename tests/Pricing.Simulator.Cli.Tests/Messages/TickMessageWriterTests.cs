using System.Text;
using Pricing.Grains;
using Pricing.Simulator.Cli.Messages;
using Pricing.Simulator.Cli.Tests.Support;

namespace Pricing.Simulator.Cli.Tests.Messages;

public sealed class TickMessageWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 18, 29, 123, TimeSpan.Zero);

    [Fact]
    public void WritesTheDocumentedFormatByteForByte()
    {
        using var writer = new TickMessageWriter();

        var value = Write(writer, new Tick("AAPL", 189.23m, 100m, At, 0, 0));

        Assert.Equal("""{"symbol":"AAPL","price":189.23,"size":100,"timestamp":"2026-11-22T02:18:29.123Z"}""", value);
    }

    [Theory]
    [InlineData("189.20")]
    [InlineData("0.35000")]
    [InlineData("0.00001")]
    [InlineData("95000.00")]
    [InlineData("1000000000000")]
    [InlineData("999999999999.9999999999999999")]
    public void WritesDecimalsWithTheirOwnDigitsAndNoExponent(string price)
    {
        using var writer = new TickMessageWriter();
        var amount = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        var value = Write(writer, new Tick("BTC-USD", amount, 0.0001m, At, 0, 0));

        Assert.Contains($"\"price\":{price},", value, StringComparison.Ordinal);
        Assert.Contains("\"size\":0.0001,", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "2026-11-22T02:18:29Z")]
    [InlineData(1L, "2026-11-22T02:18:29.0000001Z")]
    [InlineData(1_230_000L, "2026-11-22T02:18:29.123Z")]
    [InlineData(9_999_999L, "2026-11-22T02:18:29.9999999Z")]
    public void WritesTimestampsInUtcWithUpToSevenFractionalDigits(long extraTicks, string expected)
    {
        using var writer = new TickMessageWriter();
        var time = new DateTimeOffset(2026, 11, 22, 2, 18, 29, TimeSpan.Zero).AddTicks(extraTicks);

        var value = Write(writer, new Tick("MSFT", 1m, 1m, time, 0, 0));

        Assert.EndsWith($"\"timestamp\":\"{expected}\"}}", value, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertsOtherOffsetsToUtc()
    {
        using var writer = new TickMessageWriter();
        var time = new DateTimeOffset(2026, 11, 22, 4, 18, 29, TimeSpan.FromHours(2));

        var value = Write(writer, new Tick("MSFT", 1m, 1m, time, 0, 0));

        Assert.Contains("\"timestamp\":\"2026-11-22T02:18:29Z\"", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("-1.5", "1")]
    [InlineData("1", "0")]
    [InlineData("1000000000000.01", "1")]
    [InlineData("1", "1000000000001")]
    public void RejectsAmountsOutsideTheContract(string price, string size)
    {
        using var writer = new TickMessageWriter();
        var tick = new Tick(
            "AAPL",
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
            At,
            0,
            0);

        Assert.Throws<ArgumentException>(() => writer.Write(tick).ToArray());
    }

    [Fact]
    public void ReusesItsBufferWithoutLeftovers()
    {
        using var writer = new TickMessageWriter();
        Write(writer, new Tick("BRK.B", 123456789.123456m, 10000m, At, 0, 0));

        var value = Write(writer, new Tick("V", 1m, 1m, At, 0, 0));

        Assert.Equal("""{"symbol":"V","price":1,"size":1,"timestamp":"2026-11-22T02:18:29.123Z"}""", value);
    }

    [Fact]
    public void SimulatedTicksMeetTheContractAndReadBackExactly()
    {
        var options = new SimulatorOptions { Seed = 7 };
        var simulator = new MarketSimulator(options);
        var keys = new SymbolKeys();
        using var writer = new TickMessageWriter();

        for (var i = 0; i < 20_000; i++)
        {
            var tick = simulator.Next(At.AddMilliseconds(i * 3.7));
            var key = keys.Get(tick.Symbol);
            var value = writer.Write(tick).ToArray();

            Assert.True(TickMessageContract.TryParse(key, value, out var parsed, out var reason), reason);
            Assert.Equal(tick.Symbol, parsed.Symbol);
            // ToString compares digits too: 189.20 and 189.2 are equal decimals but not the same text.
            Assert.Equal(tick.Price.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(tick.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(tick.Timestamp.UtcTicks, parsed.Timestamp.UtcTicks);
        }
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29Z","venue":"X"}""", true)]
    [InlineData("""{"timestamp":"2026-11-22T02:18:29.1234567Z","size":1,"price":1,"symbol":"AAPL"}""", true)]
    [InlineData("""{"symbol":"AAPL","price":1,"price":2,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", false)]
    [InlineData("""{"symbol":"AAPL","price":1e2,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", false)]
    [InlineData("""{"symbol":"AAPL","price":"1","size":1,"timestamp":"2026-11-22T02:18:29Z"}""", false)]
    [InlineData("""{"symbol":"AAPL","price":0,"size":1,"timestamp":"2026-11-22T02:18:29Z"}""", false)]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-11-22T02:18:29+00:00"}""", false)]
    [InlineData("""{"symbol":"AAPL","price":1,"size":1,"timestamp":"2026-02-30T02:18:29Z"}""", false)]
    [InlineData("""["AAPL",1,1,"2026-11-22T02:18:29Z"]""", false)]
    public void TheContractAsDocumented(string value, bool valid)
    {
        // Examples from docs/tick-message.md, so the document and the reference reading agree.
        Assert.Equal(valid, TickMessageContract.TryParse("AAPL"u8.ToArray(), Encoding.UTF8.GetBytes(value), out _, out _));
    }

    private static string Write(TickMessageWriter writer, Tick tick) => Encoding.UTF8.GetString(writer.Write(tick));
}
