using System.Net;
using System.Text.Json;
using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class HealthEndpointTests(SiloFixture silo)
{
    [Fact]
    public async Task LiveIsHealthyWithoutChecks()
    {
        var health = await GetHealthAsync("health/live");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task ReadyIsHealthyOnceTheIngestRuns()
    {
        var health = await GetHealthAsync("health/ready");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var ingest = health.GetProperty("checks").GetProperty("ingest");
        Assert.Equal("Healthy", ingest.GetProperty("status").GetString());
        Assert.Contains("5 symbols", ingest.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetHealthAsync(string path)
    {
        using var response = await silo.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
