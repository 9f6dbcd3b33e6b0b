using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricing.Runtime;
using Pricing.Silo.Ingest;
using Pricing.Silo.ReadModel;
using Pricing.Silo.Tests.Support;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Hosting;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task StoppingTheSiloDeactivatesEveryGrainAndEachWritesItsStateWithoutErrors()
    {
        // Write-behind every ten minutes: within this test only deactivation writes state (and
        // with it the trade history), so what reaches the store proves the graceful stop.
        var factory = new SiloFactory(new Dictionary<string, string?> { ["Pricing:SymbolGrain:FlushInterval"] = "00:10:00" });
        await using (factory)
        {
            await factory.StartAsync();
            using var http = factory.CreateClient();
            await Eventually.ValueAsync(() => http.GetOkAsync<SymbolSummary[]>("api/v1/symbols"), s => s.Length == SiloSettings.Symbols.Count, "every symbol has traded");
            var grains = factory.Services.GetRequiredService<IGrainManagement>();
            var history = factory.Services.GetRequiredService<ISymbolHistoryStore>();
            var lastValues = factory.Services.GetRequiredService<LastValueCache>();
            var ingest = factory.Services.GetRequiredService<IngestStatus>();
            Assert.Equal(SiloSettings.Symbols.Count, grains.ActivationCount);
            foreach (var symbol in SiloSettings.Symbols)
            {
                Assert.Empty(await history.GetTradesAsync(symbol, 1, null, CancellationToken.None));
            }

            // A live hub connection with subscriptions at the moment of stopping.
            await using var connection = await factory.ConnectHubAsync();
            await connection.SubscribeAsync(SiloSettings.Symbols);
            await connection.SubscribeSummaryAsync();

            await factory.DisposeAsync();

            Assert.Equal(0, grains.ActivationCount);
            Assert.Equal(IngestState.Stopped, ingest.Current.State);
            foreach (var symbol in SiloSettings.Symbols)
            {
                // The last published quote is the grain's final state; its last trade is in the store.
                Assert.True(lastValues.TryGet(symbol, out var last));
                var newest = Assert.Single(await history.GetTradesAsync(symbol, 1, null, CancellationToken.None));
                Assert.Equal(last.TradeCount, newest.TradeId);
            }

            Assert.Contains(factory.Log.Entries, e => e.Message == $"Deactivated {SiloSettings.Symbols.Count} activations on shutdown");
            Assert.True(factory.Log.AtLeast(LogLevel.Warning).Count == 0, $"start to stop without warnings or errors:{Environment.NewLine}{factory.Log.Describe(LogLevel.Warning)}");
        }
    }
}
