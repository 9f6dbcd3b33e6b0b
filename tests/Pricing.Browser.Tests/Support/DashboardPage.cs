using System.Diagnostics;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Support;

/// <summary>A browser tab on the dashboard, recording uncaught script errors, with the few reads the tests share.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private DashboardPage(IPage page, Uri baseAddress)
    {
        Page = page;
        BaseAddress = baseAddress;
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public ILocator Connection => Page.Locator(".connection");

    public ILocator Chart => Page.Locator(".chart-host");

    public static async Task<DashboardPage> OpenAsync(IBrowserContext context, Uri baseAddress, int width = 1440, int height = 900)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return new DashboardPage(page, baseAddress);
    }

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(new Uri(BaseAddress, path).ToString());
        Assert.NotNull(response);
        return response;
    }

    public Task WaitForLiveAsync(float timeoutMs = 15_000) =>
        Expect(Connection).ToHaveAttributeAsync("data-state", "live", new() { Timeout = timeoutMs });

    /// <summary>Symbol → last price text of the grid rows in view.</summary>
    public async Task<Dictionary<string, string>> GridPricesAsync() =>
        await Page.EvaluateAsync<Dictionary<string, string>>(
            """
            () => Object.fromEntries([...document.querySelectorAll('.vrows-canvas .grid-row:not([hidden])')]
              .map(row => [row.querySelector('.symbol-link').textContent, row.querySelector('.col-price').textContent]))
            """);

    /// <summary>Waits until some price in the grid differs from <paramref name="before"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForPriceChangeAsync(IReadOnlyDictionary<string, string> before, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            var now = await GridPricesAsync();
            if (now.Any(pair => before.TryGetValue(pair.Key, out var old) && old != pair.Value))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No price changed within {within.TotalSeconds} s: {string.Join(", ", before.Select(p => $"{p.Key}={p.Value}"))}");
    }

    /// <summary>The client's own counters (window.__pricing.stats).</summary>
    public async Task<FeedStats> StatsAsync()
    {
        var stats = await Page.EvaluateAsync<JsonElement>("() => ({ ...window.__pricing.stats })");
        long Read(string name) => stats.GetProperty(name).GetInt64();
        return new FeedStats(Read("received"), Read("applied"), Read("stale"), Read("gaps"), Read("snapshots"), Read("frames"), Read("connections"));
    }

    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = TestPaths.Artifact($"{name}.png") });
    }

    /// <summary>Fails on any uncaught script error the page raised.</summary>
    public void AssertNoScriptErrors() => Assert.True(_errors.Count == 0, "Script errors:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}

/// <summary>The dashboard's feed counters, see src/Web/ClientApp/src/live/feed-stats.ts.</summary>
internal sealed record FeedStats(long Received, long Applied, long Stale, long Gaps, long Snapshots, long Frames, long Connections);
