using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Hosting;

/// <summary>Analytics settings given in configuration are what the silo computes.</summary>
public sealed class AnalyticsSettingsTests
{
    [Fact]
    public async Task ConfiguredMovingAveragePeriodsReplaceTheDefaults()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["Pricing:Analytics:SmaPeriods:0"] = "10",
            ["Pricing:Analytics:SmaPeriods:1"] = "30",
            ["Pricing:Analytics:EmaPeriods:0"] = "5",
            ["Pricing:Analytics:VwapTicks"] = "25",
        });
        await factory.StartAsync();
        using var http = factory.CreateClient();
        await Eventually.ValueAsync(() => http.GetOkAsync<SymbolSummary[]>("api/v1/symbols"), s => s.Length > 0, "a symbol has traded");

        var stats = await http.GetOkAsync<SymbolStats>("api/v1/symbols/AAPL/stats");

        Assert.Equal(25, stats.VwapTicks.Ticks);
        Assert.Equal(
            "SMA 10, 30; EMA 5",
            $"SMA {string.Join(", ", stats.Sma.Select(s => s.Period))}; EMA {string.Join(", ", stats.Ema.Select(e => e.Period))}");
    }
}
