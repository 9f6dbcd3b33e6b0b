using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Benchmarks;

/// <summary>
/// Takes the screenshots in docs/screenshots: the default market (50 symbols, 2,000 trades a
/// second) with event time 60 times as fast as the clock, warmed up for 75 s so the charts and
/// sparklines hold over an hour of one-minute candles. Run on purpose only
/// (<c>--filter Category=Docs</c>): it writes into the repository.
/// </summary>
[Trait("Category", "Docs")]
public sealed class DocsScreenshots : IAsyncLifetime
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(75);
    private SiloProcess? _silo;
    private Chromium? _chromium;

    private static string Target => Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");

    public async Task InitializeAsync()
    {
        _chromium = await Chromium.LaunchAsync();
        _silo = await SiloProcess.StartAsync(new SiloSettings([], TicksPerSecond: 2000, SimulatedSecondsPerSecond: 60), "docs");
        await Task.Delay(WarmUp);
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
    public async Task CaptureDocsScreenshots()
    {
        Directory.CreateDirectory(Target);
        await using var tab = await DashboardPage.OpenAsync(_chromium!.Context, _silo!.BaseAddress);

        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();
        await Expect(tab.Page.Locator(".sparkline polyline[points*=' ']").Nth(12)).ToBeAttachedAsync();
        await SaveAsync(tab, "overview");

        await tab.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await SaveAsync(tab, "overview-light");
        await tab.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await tab.GotoAsync("/symbols/BTC-USD");
        await Expect(tab.Chart).ToHaveAttributeAsync("data-state", "ready");
        await tab.Page.Locator(".segment[data-value='sma50']").ClickAsync();
        await Expect(tab.Page.Locator(".trades-table tbody tr").First).ToBeVisibleAsync();
        await SaveAsync(tab, "symbol");
        await tab.Page.Locator(".segment[data-value='sma50']").ClickAsync(); // leave the stored choice as it was

        await tab.GotoAsync("/alerts");
        await Expect(tab.Page.Locator(".empty-state:not([hidden]), .alerts-table tbody tr").First).ToBeVisibleAsync();
        await SaveAsync(tab, "alerts");

        await tab.GotoAsync("/cluster");
        await Expect(tab.Page.Locator("tr[data-silo]")).ToHaveCountAsync(1);
        await Task.Delay(6_000); // a few rate samples for the trend line
        await SaveAsync(tab, "cluster");

        await tab.Page.SetViewportSizeAsync(390, 844);
        await tab.GotoAsync("/");
        await tab.WaitForLiveAsync();
        await Expect(tab.Page.Locator(".sparkline polyline[points*=' ']").Nth(12)).ToBeAttachedAsync();
        await SaveAsync(tab, "overview-phone");
        tab.AssertNoScriptErrors();
    }

    private static async Task SaveAsync(DashboardPage tab, string name)
    {
        await Task.Delay(1_500); // let a few updates land, as a user would see it
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Target, $"{name}.png") });
    }
}
