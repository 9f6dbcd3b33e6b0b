using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pricing.Simulator.Tests;

/// <summary>The path the silo will use: bind from configuration, validate data annotations on start.</summary>
public class SimulatorOptionsBindingTests
{
    [Fact]
    public void ConfiguredSymbolsReplaceTheDefaultUniverse()
    {
        var options = Bind(new()
        {
            ["Pricing:Simulator:Symbols:0"] = "AAPL",
            ["Pricing:Simulator:Symbols:1"] = "BTC-USD",
            ["Pricing:Simulator:TicksPerSecond"] = "500",
            ["Pricing:Simulator:Seed"] = "7",
            ["Pricing:Simulator:MaxBurst"] = "00:00:00.250",
        }).Value;

        Assert.Equal(["AAPL", "BTC-USD"], options.Symbols);
        Assert.Equal(500, options.TicksPerSecond);
        Assert.Equal(7, options.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.MaxBurst);
    }

    [Fact]
    public void CrossFieldRulesRunInTheOptionsPipeline()
    {
        var options = Bind(new()
        {
            ["Pricing:Simulator:MinTradeLots"] = "10",
            ["Pricing:Simulator:MaxTradeLots"] = "5",
        });

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(nameof(SimulatorOptions.MaxTradeLots), error.Message, StringComparison.Ordinal);
    }

    private static IOptions<SimulatorOptions> Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SimulatorOptions>>();
    }
}
