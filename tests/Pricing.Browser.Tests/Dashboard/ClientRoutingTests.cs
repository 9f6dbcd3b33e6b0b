using System.Net;
using Pricing.Browser.Tests.Support;

namespace Pricing.Browser.Tests.Dashboard;

/// <summary>The real silo answers the client's routes with the app and keeps its own paths' 404s.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ClientRoutingTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/symbols/AAPL")]
    [InlineData("/cluster")]
    [InlineData("/alerts")]
    [InlineData("/no/such/page")]
    public async Task ClientRoutesGetTheApp(string path)
    {
        using var response = await fixture.Silo.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/nope", "application/problem+json")]
    [InlineData("/api/nope", "application/problem+json")]
    [InlineData("/hubs/nope", null)]
    [InlineData("/health/nope", null)]
    [InlineData("/openapi/nope", null)]
    [InlineData("/swagger/nope", null)]
    [InlineData("/assets/nope.js", null)]
    public async Task ServerPathsKeepTheirOwn404(string path, string? mediaType)
    {
        using var response = await fixture.Silo.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
