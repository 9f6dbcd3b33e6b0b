using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pricing.Runtime.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("CollectionAge", "0")]
    [InlineData("CollectionAge", "00:00:00")]
    [InlineData("CollectionAge", "2.00:00:00")]
    [InlineData("CollectionQuantum", "00:00:00")]
    [InlineData("DeactivationTimeout", "00:00:00.050")]
    [InlineData("MaxConcurrentDeactivations", "0")]
    public async Task OutOfRangeSettingFailsHostStartNamingTheSetting(string setting, string value)
    {
        using var host = TestSilo.CreateBuilder(new Dictionary<string, string?> { [setting] = value }).Build();

        var thrown = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(GrainRuntimeOptions), thrown.OptionsType);
        Assert.Contains(setting, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableSettingFailsHostStartNamingTheKey()
    {
        using var host = TestSilo.CreateBuilder(new Dictionary<string, string?> { ["CollectionAge"] = "soon" }).Build();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Pricing:Runtime:CollectionAge", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSettingsAreBoundFromPricingRuntime()
    {
        await using var silo = await TestSilo.StartAsync(new Dictionary<string, string?>
        {
            ["CollectionAge"] = "00:02:00",
            ["CollectionQuantum"] = "00:00:05",
            ["DeactivationTimeout"] = "00:00:03",
            ["MaxConcurrentDeactivations"] = "4",
        });

        var options = silo.Services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(2), options.CollectionAge);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CollectionQuantum);
        Assert.Equal(TimeSpan.FromSeconds(3), options.DeactivationTimeout);
        Assert.Equal(4, options.MaxConcurrentDeactivations);
    }
}
