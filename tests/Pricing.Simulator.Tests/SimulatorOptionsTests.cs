using System.ComponentModel.DataAnnotations;

namespace Pricing.Simulator.Tests;

public class SimulatorOptionsTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(Validate(new SimulatorOptions()));

    [Fact]
    public void DefaultsMatchTheDocumentedValues()
    {
        var options = new SimulatorOptions();

        Assert.Empty(options.Symbols);
        Assert.Equal(2000, options.TicksPerSecond);
        Assert.Null(options.Seed);
        Assert.Equal(1, options.SimulatedSecondsPerSecond);
        Assert.Equal(0.05, options.Drift);
        Assert.Equal(0.25, options.Volatility);
        Assert.Equal(0.8, options.CryptoVolatility);
        Assert.Equal(2, options.PriceDecimals);
        Assert.Equal(TradeSizeDistribution.Default, options.TradeSizes);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MaxBurst);
    }

    [Theory]
    [InlineData("aapl")]
    [InlineData("")]
    [InlineData("TOO-LONG-SYMBOL-NAME")]
    [InlineData("-ABC")]
    public void InvalidSymbolFails(string symbol)
    {
        var options = new SimulatorOptions { Symbols = { "AAPL", symbol } };

        var error = Assert.Single(Validate(options));
        Assert.Contains(nameof(SimulatorOptions.Symbols), error.MemberNames);
    }

    [Fact]
    public void DuplicateSymbolFails()
    {
        var options = new SimulatorOptions { Symbols = { "AAPL", "MSFT", "AAPL" } };

        var error = Assert.Single(Validate(options));
        Assert.Contains("twice", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LargestTradeBelowSmallestFails()
    {
        var options = new SimulatorOptions { MinTradeLots = 100, MaxTradeLots = 10 };

        var error = Assert.Single(Validate(options));
        Assert.Contains(nameof(SimulatorOptions.MaxTradeLots), error.MemberNames);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void NonPositiveRateFails(double rate)
    {
        var error = Assert.Single(Validate(new SimulatorOptions { TicksPerSecond = rate }));
        Assert.Contains(nameof(SimulatorOptions.TicksPerSecond), error.MemberNames);
    }

    [Fact]
    public void OutOfRangeFieldsFail()
    {
        var options = new SimulatorOptions
        {
            Volatility = -0.1,
            PriceDecimals = 9,
            SizeTailIndex = 0.5,
            SimulatedSecondsPerSecond = 0,
            MaxBurst = TimeSpan.Zero,
        };

        Assert.Equal(5, Validate(options).Count);
    }

    [Fact]
    public void SimulatorRejectsInvalidOptions() =>
        Assert.Throws<ValidationException>(() => new MarketSimulator(new SimulatorOptions { Symbols = { "bad symbol" } }));

    private static List<ValidationResult> Validate(SimulatorOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
