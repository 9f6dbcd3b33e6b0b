using System.Net.Http.Json;
using System.Text.Json;
using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class ClusterPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ClusterPageShowsTheSilo()
    {
        var cluster = await fixture.Silo.Http.GetFromJsonAsync<JsonElement>("api/v1/cluster");
        var siloId = cluster.GetProperty("silos")[0].GetProperty("id").GetString()!;

        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/cluster");

        var row = tab.Page.Locator($"tr[data-silo='{siloId}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".silo-address")).ToHaveTextAsync($"http://127.0.0.1:{fixture.Silo.Port}");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Running");
        await Expect(tab.Page.Locator(".partition")).ToHaveCountAsync(8);
        await Expect(tab.Page.Locator(".summary .figure .value").First).ToHaveTextAsync("Embedded");
        await tab.ScreenshotAsync("cluster");
        tab.AssertNoScriptErrors();
    }
}
