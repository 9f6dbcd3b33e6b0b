using Pricing.Grains;

namespace Pricing.Simulator.Tests;

public class SymbolProfilesTests
{
    [Fact]
    public void DefaultUniverseHasFiftyDistinctValidSymbols()
    {
        var symbols = SymbolProfiles.DefaultSymbols;

        Assert.Equal(50, symbols.Count);
        Assert.Equal(symbols.Count, symbols.Distinct(StringComparer.Ordinal).Count());
        Assert.All(symbols, s => Assert.True(SymbolRules.IsValid(s), s));
        Assert.Contains("BRK.B", symbols);
        Assert.Contains("BTC-USD", symbols);
        Assert.Contains("SPY", symbols);
    }

    [Fact]
    public void EmptySymbolListResolvesToTheDefaultUniverse()
    {
        var profiles = SymbolProfiles.Resolve(new SimulatorOptions());

        Assert.Equal(SymbolProfiles.DefaultSymbols, profiles.Select(p => p.Symbol));
        Assert.All(profiles, p => p.EnsureValid());
    }

    [Fact]
    public void CryptoPairsAreMoreVolatileThanEquities()
    {
        var profiles = SymbolProfiles.Resolve(new SimulatorOptions()).ToDictionary(p => p.Symbol);

        Assert.Equal(0.8, profiles["BTC-USD"].Volatility);
        Assert.Equal(0.25, profiles["AAPL"].Volatility);
        Assert.Equal(0.0001m, profiles["BTC-USD"].LotSize);
        Assert.Equal(5, profiles["DOGE-USD"].PriceDecimals);
    }

    [Fact]
    public void ActivityFallsOffAsZipfByPosition()
    {
        var profiles = SymbolProfiles.Resolve(new SimulatorOptions { Symbols = { "A", "B", "C", "D" }, ActivitySkew = 1 });

        Assert.Equal(new[] { 1.0, 1 / 2.0, 1 / 3.0, 1 / 4.0 }, profiles.Select(p => p.ActivityWeight));
    }

    [Fact]
    public void ZeroSkewMakesEverySymbolEquallyActive()
    {
        var profiles = SymbolProfiles.Resolve(new SimulatorOptions { ActivitySkew = 0 });

        Assert.All(profiles, p => Assert.Equal(1.0, p.ActivityWeight));
    }

    [Fact]
    public void UnknownSymbolGetsAStablePlausiblePriceAndConfiguredSettings()
    {
        var options = new SimulatorOptions { Symbols = { "ZZZQ", "ACME" }, PriceDecimals = 3, Volatility = 0.4, Drift = 0.01 };

        var first = SymbolProfiles.Resolve(options);
        var second = SymbolProfiles.Resolve(options);

        Assert.Equal(first, second);
        Assert.NotEqual(first[0].InitialPrice, first[1].InitialPrice);
        Assert.All(first, p =>
        {
            Assert.InRange(p.InitialPrice, 10m, 500m);
            Assert.Equal(3, p.PriceDecimals);
            Assert.Equal(0.4, p.Volatility);
            Assert.Equal(0.01, p.Drift);
            Assert.Equal(1m, p.LotSize);
        });
    }

    [Fact]
    public void BuiltInSymbolKeepsItsTablePriceWhenListedExplicitly()
    {
        var profile = Assert.Single(SymbolProfiles.Resolve(new SimulatorOptions { Symbols = { "AAPL" } }));

        Assert.Equal(230.00m, profile.InitialPrice);
    }
}
