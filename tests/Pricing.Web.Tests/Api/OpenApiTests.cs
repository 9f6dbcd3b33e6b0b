using System.Net;
using System.Text.Json;

namespace Pricing.Web.Tests.Api;

public sealed class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task OpenApiDocumentDescribesEveryEndpoint()
    {
        var response = await _http.GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        Assert.Equal("Pricing API", root.GetProperty("info").GetProperty("title").GetString());
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(
            [
                "/api/v1/candles/{symbol}",
                "/api/v1/cluster",
                "/api/v1/market-summary",
                "/api/v1/quotes/{symbol}",
                "/api/v1/symbols",
                "/api/v1/symbols/{symbol}/stats",
                "/api/v1/trades/{symbol}",
            ],
            paths);

        var candles = root.GetProperty("paths").GetProperty("/api/v1/candles/{symbol}").GetProperty("get");
        Assert.Equal("GetCandles", candles.GetProperty("operationId").GetString());
        var responses = candles.GetProperty("responses").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["200", "400", "404", "500"], responses);
        var parameters = candles.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order();
        Assert.Equal(["before", "interval", "limit", "symbol"], parameters);

        var byName = candles.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal("integer", byName["limit"].GetProperty("type").GetString());
        Assert.Equal(1, byName["limit"].GetProperty("minimum").GetInt32());
        Assert.Equal(1000, byName["limit"].GetProperty("maximum").GetInt32());
        Assert.Equal(100, byName["limit"].GetProperty("default").GetInt32());
        Assert.Equal(["1m", "5m", "15m", "1h", "4h", "1d"], byName["interval"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("1m", byName["interval"].GetProperty("default").GetString());
    }

    [Fact]
    public async Task SwaggerUiIsServedAndPointsAtTheOpenApiDocument()
    {
        var page = await _http.GetAsync("swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);

        var config = html.Contains("openapi/v1.json", StringComparison.Ordinal)
            ? html
            : await _http.GetStringAsync("swagger/index.js");
        Assert.Contains("openapi/v1.json", config, StringComparison.Ordinal);

        var bundle = await _http.GetAsync("swagger/swagger-ui-bundle.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    [Fact]
    public async Task SwaggerWithoutAFileRedirectsToTheUi()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _http.BaseAddress };
        var response = await client.GetAsync("swagger");

        Assert.True(response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"got {response.StatusCode}");
        Assert.EndsWith("index.html", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
