using Pricing.Simulator.Cli.Messages;

namespace Pricing.Simulator.Cli.Tests.Messages;

public sealed class SymbolKeysTests
{
    [Theory]
    [InlineData("AAPL")]
    [InlineData("BRK.B")]
    [InlineData("BTC-USD")]
    [InlineData("S0051")]
    public void KeyIsTheSymbolInUtf8(string symbol)
    {
        var keys = new SymbolKeys();

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(symbol), keys.Get(symbol));
        Assert.Same(keys.Get(symbol), keys.Get(symbol));
    }

    [Theory]
    [InlineData("aapl")]
    [InlineData("")]
    [InlineData(".AAPL")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    [InlineData("AÄPL")]
    public void RejectsSymbolsOutsideThePattern(string symbol)
    {
        Assert.Throws<ArgumentException>(() => new SymbolKeys().Get(symbol));
    }
}
