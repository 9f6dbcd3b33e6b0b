using System.Net;
using Pricing.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pricing.Browser.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class AlertsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AlertsPageShowsWhatTheServerOffers()
    {
        using var api = await fixture.Silo.Http.GetAsync("api/v1/alerts?limit=1");
        await using var tab = await DashboardPage.OpenAsync(fixture.Chromium.Context, fixture.Silo.BaseAddress);
        await tab.GotoAsync("/alerts?severity=critical");

        await Expect(tab.Page.Locator("select")).ToHaveValueAsync("critical");
        if (api.StatusCode == HttpStatusCode.NotFound)
        {
            await Expect(tab.Page.Locator(".empty-state")).ToContainTextAsync("not available on this server yet");
        }
        else
        {
            await Expect(tab.Page.Locator(".empty-state:not([hidden]), .alerts-table tbody tr").First).ToBeVisibleAsync();
        }

        await tab.ScreenshotAsync("alerts");
        tab.AssertNoScriptErrors();
    }
}
