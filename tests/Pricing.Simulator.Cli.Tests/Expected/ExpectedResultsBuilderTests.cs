using Pricing.Grains;
using Pricing.Simulator.Cli.Expected;

namespace Pricing.Simulator.Cli.Tests.Expected;

public sealed class ExpectedResultsBuilderTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SumsCountVolumeTurnoverAndVwapExactly()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("AAPL", 10.10m, 3m, Day.AddHours(1)));
        builder.Add(Tick("AAPL", 10.20m, 1m, Day.AddHours(1).AddSeconds(1)));
        builder.Add(Tick("MSFT", 400.00m, 2m, Day.AddHours(1)));

        var results = builder.Build("ticks", 8, 42);

        var aapl = results.Symbols["AAPL"];
        Assert.Equal(2, aapl.Count);
        Assert.Equal(4m, aapl.Volume);
        // 10.10 * 3 + 10.20 * 1 = 30.30 + 10.20 = 40.50; VWAP 40.50 / 4 = 10.125
        Assert.Equal("40.50", aapl.Turnover.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10.125m, aapl.Vwap);
        Assert.Equal(10.20m, aapl.LastPrice);
        Assert.Equal(Day.AddHours(1), aapl.FirstTimestamp);
        Assert.Equal(Day.AddHours(1).AddSeconds(1), aapl.LastTimestamp);
        Assert.Equal(3, results.TotalTicks);
        Assert.Equal(["AAPL", "MSFT"], results.Symbols.Keys);
        Assert.Equal("ticks", results.Topic);
        Assert.Equal(8, results.Partitions);
        Assert.Equal(42, results.Seed);
    }

    [Fact]
    public void VwapIsDecimalDivisionOfTheTotals()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("X", 1m, 1m, Day));
        builder.Add(Tick("X", 2m, 2m, Day));

        var x = builder.Build("t", null, 1).Symbols["X"];

        // 5 / 3 in decimal: 28 significant digits, the last rounded.
        Assert.Equal(1.6666666666666666666666666667m, x.Vwap);
    }

    [Fact]
    public void FourHourCandlesSplitAtFourOClockUtc()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("AAPL", 100m, 1m, Day.AddHours(3).AddMinutes(59)));
        builder.Add(Tick("AAPL", 101m, 1m, Day.AddHours(4).AddTicks(-1)));
        builder.Add(Tick("AAPL", 99m, 2m, Day.AddHours(4)));
        builder.Add(Tick("AAPL", 98m, 1m, Day.AddHours(7).AddMinutes(59)));

        var candles = builder.Build("t", null, 1).Symbols["AAPL"].Candles["4h"];

        Assert.Equal(2, candles.Count);
        Assert.Equal(Day, candles[0].Start);
        Assert.Equal((100m, 101m, 100m, 101m, 2m, 201m, 2L), Ohlc(candles[0]));
        Assert.Equal(Day.AddHours(4), candles[1].Start);
        Assert.Equal((99m, 99m, 98m, 98m, 3m, 296m, 2L), Ohlc(candles[1]));
    }

    [Fact]
    public void DailyCandlesSplitAtUtcMidnight()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("ETH-USD", 3400.00m, 0.001m, Day.AddDays(1).AddTicks(-1)));
        builder.Add(Tick("ETH-USD", 3401.50m, 0.002m, Day.AddDays(1)));

        var symbol = builder.Build("t", null, 1).Symbols["ETH-USD"];

        Assert.Equal([Day, Day.AddDays(1)], symbol.Candles["1d"].Select(c => c.Start));
        Assert.Equal([Day.AddHours(20), Day.AddDays(1)], symbol.Candles["4h"].Select(c => c.Start));
        Assert.Equal([Day.AddHours(23).AddMinutes(59), Day.AddDays(1)], symbol.Candles["1m"].Select(c => c.Start));
        // Scale adds up in multiplication: 2 + 3 digits.
        Assert.Equal("6.80300", symbol.Candles["1d"][1].Turnover.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryIntervalIsPresentAndAlignedToItsLength()
    {
        var builder = new ExpectedResultsBuilder();
        var at = Day.AddHours(13).AddMinutes(47).AddSeconds(31).AddTicks(1234567);
        builder.Add(Tick("SPY", 600m, 1m, at));

        var candles = builder.Build("t", null, 1).Symbols["SPY"].Candles;

        Assert.Equal(["1m", "5m", "15m", "1h", "4h", "1d"], candles.Keys);
        Assert.Equal(Day.AddHours(13).AddMinutes(47), candles["1m"].Single().Start);
        Assert.Equal(Day.AddHours(13).AddMinutes(45), candles["5m"].Single().Start);
        Assert.Equal(Day.AddHours(13).AddMinutes(45), candles["15m"].Single().Start);
        Assert.Equal(Day.AddHours(13), candles["1h"].Single().Start);
        Assert.Equal(Day.AddHours(12), candles["4h"].Single().Start);
        Assert.Equal(Day, candles["1d"].Single().Start);
    }

    [Fact]
    public void OpenIsFirstAndCloseIsLastOfEqualTimestamps()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("AAPL", 5m, 1m, Day));
        builder.Add(Tick("AAPL", 7m, 1m, Day));
        builder.Add(Tick("AAPL", 6m, 1m, Day));

        var symbol = builder.Build("t", null, 1).Symbols["AAPL"];

        Assert.Equal((5m, 7m, 5m, 6m, 3m, 18m, 3L), Ohlc(symbol.Candles["1m"].Single()));
        Assert.Equal(6m, symbol.LastPrice);
    }

    [Fact]
    public void GapsLeaveNoEmptyCandles()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("AAPL", 5m, 1m, Day));
        builder.Add(Tick("AAPL", 6m, 1m, Day.AddMinutes(10)));

        var candles = builder.Build("t", null, 1).Symbols["AAPL"].Candles["1m"];

        Assert.Equal([Day, Day.AddMinutes(10)], candles.Select(c => c.Start));
    }

    [Fact]
    public void TicksGoingBackInTimeAreABug()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(Tick("AAPL", 5m, 1m, Day.AddSeconds(1)));
        builder.Add(Tick("MSFT", 5m, 1m, Day));

        Assert.Throws<InvalidOperationException>(() => builder.Add(Tick("AAPL", 5m, 1m, Day)));
    }

    [Fact]
    public void BadMessagesAreListedByPartitionThenOffset()
    {
        var builder = new ExpectedResultsBuilder();
        builder.AddBadMessage(Bad(3, 20));
        builder.AddBadMessage(Bad(1, 7));
        builder.AddBadMessage(Bad(3, 2));

        var bad = builder.Build("t", 8, 1).BadMessages;

        Assert.Equal([(1, 7L), (3, 2L), (3, 20L)], bad.Select(b => (b.Partition, b.Offset)));
    }

    private static Tick Tick(string symbol, decimal price, decimal size, DateTimeOffset at) => new(symbol, price, size, at, 0, 0);

    private static ExpectedBadMessage Bad(int partition, long offset) =>
        new() { Partition = partition, Offset = offset, Key = "AAPL", Kind = "not-json", Reason = "test" };

    private static (decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover, long Trades) Ohlc(ExpectedCandle c) =>
        (c.Open, c.High, c.Low, c.Close, c.Volume, c.Turnover, c.TradeCount);
}
