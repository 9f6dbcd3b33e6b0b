using System.Net;
using System.Text.Json;
using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class OpenApiAndDashboardTests(SiloFixture silo)
{
    [Fact]
    public async Task OpenApiDocumentListsEveryEndpoint()
    {
        var document = await silo.Http.GetOkAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/v1/symbols",
                "/api/v1/quotes/{symbol}",
                "/api/v1/symbols/{symbol}/stats",
                "/api/v1/candles/{symbol}",
                "/api/v1/trades/{symbol}",
                "/api/v1/market-summary",
            },
            paths.ToHashSet());
        Assert.Equal("Pricing API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task RootServesTheDashboardPage()
    {
        using var response = await silo.Http.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        var entry = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"module\" crossorigin src=\"(?<path>/assets/[^\"]+\\.js)\"");
        Assert.True(entry.Success, "the page loads the client app's entry script");

        using var script = await silo.Http.GetAsync(entry.Groups["path"].Value);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
