using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task OverviewListsTheSymbolsAndPricesChangeWithinFiveSeconds()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();
        var rows = tab.Page.Locator(".vrows-canvas .grid-row:not([hidden])");
        await Expect(rows).ToHaveCountAsync(SiloSettings.SmallUniverse.Count);

        var before = await tab.GridPricesAsync();
        Assert.Equal(SiloSettings.SmallUniverse.Order(StringComparer.Ordinal), before.Keys.Order(StringComparer.Ordinal));
        Assert.All(before.Values, price => Assert.Matches(@"^[\d,]+\.\d+$", price));

        await tab.WaitForPriceChangeAsync(before, TimeSpan.FromSeconds(5));
        await Expect(tab.Page.Locator(".summary .figure .value").First).Not.ToHaveTextAsync("–");
        await tab.ScreenshotAsync("overview");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ClickingAColumnSortsAndTheFilterNarrowsTheRows()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();

        await tab.Page.Locator(".grid-head .col-symbol button").ClickAsync();
        await Expect(tab.Page.Locator(".grid-head .col-symbol")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(tab.Page.Locator(".vrows-canvas .grid-row:not([hidden]) .symbol-link").First).ToHaveTextAsync("TSLA");

        await tab.Page.Keyboard.PressAsync("/");
        await tab.Page.Keyboard.TypeAsync("usd");
        await Expect(tab.Page.Locator(".vrows-canvas .grid-row:not([hidden])")).ToHaveCountAsync(2);
        Assert.EndsWith("?q=usd&sort=symbol&dir=desc", tab.Page.Url, StringComparison.Ordinal);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task KeyboardMovesThroughTheRowsAndEnterOpensTheSymbol()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();

        await tab.Page.Locator(".grid").FocusAsync();
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(tab.Page.Locator(".grid-row.active .symbol-link")).ToHaveTextAsync("AMZN");
        await tab.Page.Keyboard.PressAsync("Enter");

        await tab.Page.WaitForURLAsync("**/symbols/AMZN");
        await Expect(tab.Page.Locator("h1.headline-symbol")).ToHaveTextAsync("AMZN");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task OverviewFitsAPhoneScreen()
    {
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress, width: 390, height: 844);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();
        await Expect(tab.Page.Locator(".vrows-canvas .grid-row:not([hidden])").First).ToBeVisibleAsync();

        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the phone screen.");
        await Expect(tab.Page.Locator(".grid-row .col-volume").First).ToBeHiddenAsync();
        await tab.ScreenshotAsync("overview-phone");
        tab.AssertNoScriptErrors();
    }
}
