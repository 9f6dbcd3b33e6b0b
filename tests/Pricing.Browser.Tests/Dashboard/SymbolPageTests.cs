using System.Text.RegularExpressions;
using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed partial class SymbolPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DeepLinkRendersTheChartWithCandles()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        var response = await tab.GotoAsync("/symbols/AAPL");

        Assert.Equal(200, response.Status);
        await Expect(tab.Page.Locator("h1.headline-symbol")).ToHaveTextAsync("AAPL");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-candles", PositiveNumber());
        Assert.True(await tab.Chart.Locator("canvas").CountAsync() > 0, "The chart drew no canvas.");
        await Expect(tab.Page.Locator(".headline-price")).ToHaveTextAsync(PriceText());
        await Expect(tab.Page.Locator(".trades-table tbody tr").First).ToBeVisibleAsync();
        await Expect(tab.Page.Locator(".stats-list dd").First).ToHaveTextAsync(PriceText());
        await tab.WaitForLiveAsync();
        await tab.ScreenshotAsync("symbol");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task IntervalSwitchReloadsTheChart()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/symbols/MSFT");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-interval", "1m");

        var request = tab.Page.WaitForRequestAsync(new Regex(@"/api/v1/candles/MSFT\?interval=5m&limit=\d+$"));
        await tab.Page.Locator(".segment[data-value='5m']").ClickAsync();
        await request;

        await Expect(tab.Chart).ToHaveAttributeAsync("data-interval", "5m");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-candles", PositiveNumber());
        await Expect(tab.Page.Locator(".segment[data-value='5m']")).ToHaveAttributeAsync("aria-checked", "true");
        Assert.EndsWith("/symbols/MSFT?interval=5m", tab.Page.Url, StringComparison.Ordinal);

        // The interval is part of the link: a reload keeps it.
        await tab.Page.ReloadAsync();
        await Expect(tab.Chart).ToHaveAttributeAsync("data-interval", "5m");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task LoadMoreAppendsOlderTradesAndPausesTheLiveList()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/symbols/AAPL");
        var rows = tab.Page.Locator(".trades-table tbody tr");
        await Expect(rows).ToHaveCountAsync(50);

        var request = tab.Page.WaitForRequestAsync(new Regex(@"/api/v1/trades/AAPL\?limit=50&before=.+$"));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Load more" }).ClickAsync();
        await request;

        await Expect(rows).ToHaveCountAsync(100);
        await Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Back to live" })).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Back to live" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(50);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task OverlaysToggleAndAreRemembered()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/symbols/NVDA");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        var ema = tab.Page.Locator(".segment[data-value='ema12']");
        var pressed = await ema.GetAttributeAsync("aria-pressed");

        await ema.ClickAsync();
        var toggled = pressed == "true" ? "false" : "true";
        await Expect(ema).ToHaveAttributeAsync("aria-pressed", toggled);
        await tab.Page.ReloadAsync();
        await Expect(tab.Page.Locator(".segment[data-value='ema12']")).ToHaveAttributeAsync("aria-pressed", toggled);

        await tab.Page.Locator(".segment[data-value='ema12']").ClickAsync(); // as it was, for the other tests
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task UnknownSymbolSaysSo()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/symbols/NOPE");

        await Expect(tab.Page.Locator(".notice")).ToContainTextAsync("Unknown symbol NOPE");
        tab.AssertNoScriptErrors();
    }

    [GeneratedRegex(@"^[1-9]\d*$")]
    private static partial Regex PositiveNumber();

    [GeneratedRegex(@"^[\d,]+\.\d+$")]
    private static partial Regex PriceText();
}
