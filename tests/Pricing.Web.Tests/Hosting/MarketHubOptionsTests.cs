using Microsoft.Extensions.Options;
using Pricing.Web.Hosting;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Hosting;

public sealed class MarketHubOptionsTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        var options = new MarketHubOptions();

        Assert.True(new MarketHubOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.QuoteInterval);
        Assert.Equal(5000, options.MaxSymbolsPerConnection);
    }

    [Theory]
    [InlineData("00:00:00", 5000, 1000, 65536, "QuoteInterval")]
    [InlineData("00:05:00", 5000, 1000, 65536, "QuoteInterval")]
    [InlineData("00:00:00.100", 0, 1, 65536, "MaxSymbolsPerConnection")]
    [InlineData("00:00:00.100", 100, 101, 65536, "MaxSymbolsPerCall")]
    [InlineData("00:00:00.100", 5000, 1000, 4096, "MaximumReceiveMessageSize")]
    public void ValidatorNamesTheBadSetting(string interval, int perConnection, int perCall, long receiveSize, string setting)
    {
        var options = new MarketHubOptions
        {
            QuoteInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            MaxSymbolsPerConnection = perConnection,
            MaxSymbolsPerCall = perCall,
            MaximumReceiveMessageSize = receiveSize,
        };

        var result = new MarketHubOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Pricing:Hub:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidHubSettingsStopTheHostAtStartUp()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebTestServer.StartAsync(
            settings: new Dictionary<string, string?> { ["Pricing:Hub:QuoteInterval"] = "00:00:00" }));

        Assert.Contains("Pricing:Hub:QuoteInterval", error.Message, StringComparison.Ordinal);
    }
}
