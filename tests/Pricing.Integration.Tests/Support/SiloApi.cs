using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pricing.Grains;
using Pricing.Testing;

namespace Pricing.Integration.Tests.Support;

/// <summary>The silo's REST API as the tests read it, with the service's JSON conventions (decimals exact).</summary>
internal sealed class SiloApi(Uri baseAddress) : IDisposable
{
    private static readonly JsonSerializerOptions Json = MarketHubClient.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Whether <c>/health/ready</c> answers 200, with its body (the failing checks) either way; null if the silo does not answer.</summary>
    public async Task<(bool Ready, string Body)?> GetReadinessAsync()
    {
        try
        {
            using var response = await _http.GetAsync("health/ready");
            return (response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SymbolSummary>> GetSymbolsAsync() =>
        await _http.GetFromJsonAsync<List<SymbolSummary>>("api/v1/symbols", Json) ?? [];

    /// <summary>The symbol's statistics; null on 404 (unknown symbol).</summary>
    public async Task<SymbolStats?> GetStatsAsync(string symbol)
    {
        using var response = await _http.GetAsync($"api/v1/symbols/{Uri.EscapeDataString(symbol)}/stats");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SymbolStats>(Json);
    }

    public async Task<ClusterStatus> GetClusterAsync() =>
        await _http.GetFromJsonAsync<ClusterStatus>("api/v1/cluster", Json)
        ?? throw new InvalidOperationException("GET /api/v1/cluster returned null.");

    /// <summary>This silo's own entry of <c>/api/v1/cluster</c> (always live; other entries come from Redis and may be stale).</summary>
    public async Task<SiloStatus> GetOwnStatusAsync(string siloId)
    {
        var cluster = await GetClusterAsync();
        return cluster.Silos.FirstOrDefault(s => s.Id == siloId)
            ?? throw new InvalidOperationException($"/api/v1/cluster does not list silo {siloId} itself.");
    }

    public void Dispose() => _http.Dispose();
}
