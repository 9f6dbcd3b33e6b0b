using System.Text.Json;
using Pricing.Browser.Tests.Support;

namespace Pricing.Browser.Tests.Benchmarks;

/// <summary>
/// Time from navigation start to the first live price rendered (the first hub update after the
/// snapshots: performance mark "pricing:first-live-price"), on loopback, with the browser cache
/// off (a first visit) and on (a return visit). Target: under 2 s.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class FirstLivePriceBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Runs = 7;
    private readonly BenchmarkReport _report = new(output);
    private SiloProcess? _silo;
    private Chromium? _chromium;

    public async Task InitializeAsync()
    {
        _chromium = await Chromium.LaunchAsync();
        // What `dotnet run --project src/Silo` runs: the built-in 50 symbols at 2,000 trades a second.
        _silo = await SiloProcess.StartAsync(new SiloSettings([], TicksPerSecond: 2000), "first-price");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstLivePriceArrivesWithinTwoSeconds()
    {
        foreach (var cache in new[] { false, true })
        {
            var firstPrice = new List<double>();
            var firstLive = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                await using var tab = await DashboardPage.OpenAsync(_chromium!.Context, _silo!.BaseAddress);
                var cdp = await tab.Page.Context.NewCDPSessionAsync(tab.Page);
                await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = !cache });
                await tab.GotoAsync("/");
                await tab.Page.WaitForFunctionAsync("() => performance.getEntriesByName('pricing:first-live-price').length > 0", null, new() { Timeout = 10_000 });
                var marks = await tab.Page.EvaluateAsync<JsonElement>(
                    "() => ({ price: performance.getEntriesByName('pricing:first-price')[0].startTime, live: performance.getEntriesByName('pricing:first-live-price')[0].startTime })");
                firstPrice.Add(marks.GetProperty("price").GetDouble());
                firstLive.Add(marks.GetProperty("live").GetDouble());
            }

            var label = cache ? "cache on" : "cache off";
            _report.Line($"first-price ({label}): median {Median(firstPrice):F0} ms, max {firstPrice.Max():F0} ms over {Runs} loads");
            _report.Line($"first-live-price ({label}): median {Median(firstLive):F0} ms, max {firstLive.Max():F0} ms over {Runs} loads");
            Assert.True(Median(firstLive) < 2000, $"Median time to the first live price {Median(firstLive):F0} ms ({label}).");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
