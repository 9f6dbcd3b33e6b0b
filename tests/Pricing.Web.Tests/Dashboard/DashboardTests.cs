using System.Net;
using System.Net.Http.Headers;
using Pricing.Web.Tests.Api;

namespace Pricing.Web.Tests.Dashboard;

public sealed class DashboardTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task RootServesTheIndexPage()
    {
        var response = await _http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Pricing", html, StringComparison.Ordinal);
        Assert.Contains("lib/signalr/signalr.min.js", html, StringComparison.Ordinal);
        Assert.Contains("market.js", html, StringComparison.Ordinal);
        Assert.Equal(html, await _http.GetStringAsync("index.html"));
    }

    [Theory]
    [InlineData("market.js", "text/javascript")]
    [InlineData("market.css", "text/css")]
    [InlineData("lib/signalr/signalr.min.js", "text/javascript")]
    [InlineData("lib/signalr/LICENSE.txt", "text/plain")]
    public async Task DashboardAssetsAreServedWithTheirContentType(string path, string mediaType)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task UnchangedAssetIsRevalidatedWith304()
    {
        var first = await _http.GetAsync("lib/signalr/signalr.min.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "lib/signalr/signalr.min.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var second = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task DashboardIsNotInTheOpenApiDocument()
    {
        var json = await _http.GetStringAsync("openapi/v1.json");

        Assert.DoesNotContain("\"/index.html\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/market.js\"", json, StringComparison.Ordinal);
    }
}
