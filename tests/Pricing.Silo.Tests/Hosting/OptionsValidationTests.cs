using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Hosting;

/// <summary>A setting that cannot work stops the silo at start-up, with a message that names it.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Pricing:Runtime:CollectionAge", "00:00:00", "CollectionAge")]
    [InlineData("Pricing:Runtime:MaxConcurrentDeactivations", "0", "MaxConcurrentDeactivations")]
    [InlineData("Pricing:Hub:QuoteInterval", "-1", "Pricing:Hub:QuoteInterval")]
    [InlineData("Pricing:Hub:MaxSymbolsPerCall", "0", "Pricing:Hub:MaxSymbolsPerCall")]
    [InlineData("Pricing:Simulator:TicksPerSecond", "0", "TicksPerSecond")]
    [InlineData("Pricing:Simulator:Symbols:5", "not a symbol", "'not a symbol'")]
    [InlineData("Pricing:Analytics:VwapWindowResolution", "00:00:07", "VwapWindowResolution")]
    [InlineData("Pricing:Analytics:SmaPeriods:0", "0", "SmaPeriods")]
    [InlineData("Pricing:SymbolGrain:FlushInterval", "00:00:00", "FlushInterval")]
    [InlineData("Pricing:MemoryHistory:TradesPerSymbol", "0", "TradesPerSymbol")]
    [InlineData("Pricing:Ingest:Parallelism", "0", "Parallelism")]
    [InlineData("Pricing:Embedded:Partitions", "0", "Partitions")]
    [InlineData("Pricing:Summary:Interval", "00:00:00", "Interval")]
    [InlineData("Pricing:SiloId", "no spaces allowed", "SiloId")]
    public async Task InvalidSettingFailsStartUpNamingIt(string key, string value, string named)
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(factory.StartAsync);

        var messages = Flatten(error);
        Assert.True(messages.Contains(named, StringComparison.Ordinal), $"{key}={value}: the start-up error names {named}: {messages}");
        Assert.DoesNotContain(factory.Log.Entries, e => e.Message.StartsWith("Embedded feed:", StringComparison.Ordinal));
    }

    private static string Flatten(Exception error) => error switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Flatten)),
        { InnerException: { } inner } => $"{error.GetType().Name}: {error.Message} | {Flatten(inner)}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}
