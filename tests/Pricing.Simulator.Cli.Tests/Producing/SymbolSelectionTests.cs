using Pricing.Grains;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Producing;

public sealed class SymbolSelectionTests
{
    [Fact]
    public void CountTakesTheBuiltInSymbolsMostActiveFirst()
    {
        Assert.True(SymbolSelection.TryParse("3", out var symbols, out _));

        Assert.Equal(SymbolProfiles.DefaultSymbols.Take(3), symbols);
    }

    [Fact]
    public void CountBeyondTheBuiltInSymbolsGeneratesValidStableNames()
    {
        Assert.True(SymbolSelection.TryParse("120", out var symbols, out _));

        Assert.Equal(120, symbols.Count);
        Assert.Equal(SymbolProfiles.DefaultSymbols, symbols.Take(50));
        Assert.Equal("S0051", symbols[50]);
        Assert.Equal("S0120", symbols[119]);
        Assert.All(symbols, s => Assert.True(SymbolRules.IsValid(s), s));
        Assert.Equal(120, symbols.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(symbols, SymbolSelection.First(120));
    }

    [Fact]
    public void LargeCountsStayValid()
    {
        var symbols = SymbolSelection.First(SymbolSelection.MaxCount);

        Assert.Equal("S100000", symbols[^1]);
        Assert.All(symbols, s => Assert.True(SymbolRules.IsValid(s), s));
    }

    [Fact]
    public void ListKeepsItsOrder()
    {
        Assert.True(SymbolSelection.TryParse(" MSFT, BRK.B,BTC-USD ", out var symbols, out _));

        Assert.Equal(["MSFT", "BRK.B", "BTC-USD"], symbols);
    }

    [Theory]
    [InlineData("0", "between 1 and")]
    [InlineData("100001", "between 1 and")]
    [InlineData("", "empty")]
    [InlineData("AAPL,aapl", "not valid")]
    [InlineData("AAPL,,MSFT", "not valid")]
    [InlineData("AAPL,AAPL", "twice")]
    public void RejectsWhatCannotBeProduced(string text, string message)
    {
        Assert.False(SymbolSelection.TryParse(text, out _, out var error));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
