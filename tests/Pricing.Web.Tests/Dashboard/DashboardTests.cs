using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Pricing.Web.Tests.Api;

namespace Pricing.Web.Tests.Dashboard;

public sealed partial class DashboardTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task RootServesTheClientApp()
    {
        var response = await _http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Pricing", html, StringComparison.Ordinal);
        Assert.Matches(EntryScript(), html);
        Assert.Equal(html, await _http.GetStringAsync("index.html"));
    }

    [Fact]
    public async Task HashedAssetsAreImmutableJavaScriptAndGzipped()
    {
        var path = EntryScript().Match(await _http.GetStringAsync("/")).Groups["path"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedIndexIsRevalidatedWith304()
    {
        var first = await _http.GetAsync("index.html");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "index.html");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var second = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("symbols/AAPL")]
    [InlineData("cluster")]
    [InlineData("no/such/page")]
    public async Task ClientRoutesGetTheIndexPage(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await _http.GetStringAsync("index.html"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/v1/nope", "application/problem+json")]
    [InlineData("hubs/nope", null)]
    [InlineData("health/nope", null)]
    [InlineData("openapi/nope", null)]
    [InlineData("swagger/nope", null)]
    [InlineData("assets/nope.js", null)]
    public async Task ServerPathsKeepTheirOwn404(string path, string? mediaType)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DashboardIsNotInTheOpenApiDocument()
    {
        var json = await _http.GetStringAsync("openapi/v1.json");

        Assert.DoesNotContain("\"/index.html\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("{path}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/assets/", json, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<script type="module" crossorigin src="(?<path>/assets/index-[^"]+\.js)">""")]
    private static partial Regex EntryScript();
}
