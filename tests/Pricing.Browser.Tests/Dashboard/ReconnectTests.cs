using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Dashboard;

/// <summary>Restarts its own silo, so the others' silo keeps its history.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReconnectTests(DashboardFixture fixture) : IAsyncLifetime
{
    private SiloProcess? _silo;

    public async Task InitializeAsync() => _silo = await SiloProcess.StartAsync(SiloSettings.ForTests, "restarted");

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task PageRecoversAfterTheSiloRestarts()
    {
        var silo = _silo!;
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, silo.BaseAddress);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();
        await tab.WaitForPriceChangeAsync(await tab.GridPricesAsync(), TimeSpan.FromSeconds(5));

        silo.Kill();
        await Expect(tab.Connection).Not.ToHaveAttributeAsync("data-state", "live");
        await tab.ScreenshotAsync("reconnecting");

        await silo.RestartAsync();
        await tab.WaitForLiveAsync(timeoutMs: 30_000);
        await tab.WaitForPriceChangeAsync(await tab.GridPricesAsync(), TimeSpan.FromSeconds(5));
        var stats = await tab.StatsAsync();
        Assert.True(stats.Connections >= 2, $"Expected a second connection, got {stats}.");
        await Expect(tab.Page.Locator(".vrows-canvas .grid-row:not([hidden])")).ToHaveCountAsync(SiloSettings.SmallUniverse.Count);
        await tab.ScreenshotAsync("reconnected");
        tab.AssertNoScriptErrors();
    }
}
