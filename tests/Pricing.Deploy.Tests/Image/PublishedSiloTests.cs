using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pricing.Deploy.Tests.Support;

namespace Pricing.Deploy.Tests.Image;

/// <summary>
/// What the image copies runs: the publish output started as the ENTRYPOINT starts it, with the
/// image's environment (its port swapped for a free one) and the identity settings the
/// Kubernetes Deployment adds, in embedded mode (the image's default).
/// </summary>
public sealed class PublishedSiloTests(PublishedSilo published, ITestOutputHelper output) : IClassFixture<PublishedSilo>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartsWithTheImageSettingsServesLiveQuotesAndStopsCleanlyOnSigterm()
    {
        var dockerfile = Dockerfile.Load();
        Assert.True(File.Exists(Path.Combine(published.Folder, ImageFacts.SiloDll)), $"the publish output has no {ImageFacts.SiloDll}");
        var port = PublishedSilo.FreePort();
        var environment = ImageEnvironment(dockerfile, port);
        environment["Pricing__SiloId"] = "pricing-silo-7d9f-abcde";
        environment["Pricing__AdvertisedAddress"] = "http://10.1.2.3:8080";

        await using var silo = published.Start(environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await WaitUntilAsync("GET /health/ready answers 200", silo, async () => (await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK);
            var symbols = await WaitUntilAsync(
                "GET /api/v1/symbols lists symbols with a price",
                silo,
                async () => await http.GetFromJsonAsync<JsonElement>("api/v1/symbols"),
                list => list.GetArrayLength() > 0 && list.EnumerateArray().All(s => s.GetProperty("price").GetDecimal() > 0));
            output.WriteLine($"{symbols.GetArrayLength()} symbols, first: {symbols[0]}");

            // Live: the first symbol's sequence grows.
            var symbol = symbols[0].GetProperty("symbol").GetString()!;
            var sequence = symbols[0].GetProperty("sequence").GetInt64();
            await WaitUntilAsync($"{symbol} trades again", silo, async () => (await http.GetFromJsonAsync<JsonElement>($"api/v1/quotes/{symbol}")).GetProperty("sequence").GetInt64() > sequence);

            // The downward-API identity reaches the cluster view.
            var cluster = await http.GetFromJsonAsync<JsonElement>("api/v1/cluster");
            var self = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
            Assert.Equal("pricing-silo-7d9f-abcde", self.GetProperty("id").GetString());
            Assert.Equal("http://10.1.2.3:8080", self.GetProperty("address").GetString());

            // The dashboard (the client app built by the SDK stage) is in the publish output.
            var page = await http.GetStringAsync("/");
            Assert.Contains("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);

            await silo.TerminateAsync();
            var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM. Output:\n{silo.Output}");
            Assert.Contains("Application is shutting down", silo.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(" fail: ", silo.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(" crit: ", silo.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Overriding HTTP_PORTS", silo.Output, StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(silo.Output);
        }
    }

    [Fact]
    public async Task AnAdvertisedAddressThatIsNoUrlStopsTheStart()
    {
        var environment = ImageEnvironment(Dockerfile.Load(), PublishedSilo.FreePort());
        environment["Pricing__AdvertisedAddress"] = "10.1.2.3:8080";

        await using var silo = published.Start(environment);
        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Pricing:AdvertisedAddress must be an absolute http:// or https:// URL", silo.Output, StringComparison.Ordinal);
    }

    /// <summary>The final stage's ENV, with the container port replaced by a free one on this machine.</summary>
    private static Dictionary<string, string> ImageEnvironment(Dockerfile dockerfile, int port)
    {
        var environment = new Dictionary<string, string>(dockerfile.Final.Environment(), StringComparer.Ordinal);
        var imagePort = ImageFacts.Port(dockerfile).ToString(CultureInfo.InvariantCulture);
        environment["Urls"] = environment["Urls"].Replace($":{imagePort}", $":{port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        return environment;
    }

    private static Task<bool> WaitUntilAsync(string what, SiloRun silo, Func<Task<bool>> condition) =>
        WaitUntilAsync(what, silo, condition, ok => ok);

    private static async Task<T> WaitUntilAsync<T>(string what, SiloRun silo, Func<Task<T>> read, Func<T, bool> accept)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "nothing yet";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(silo.HasExited, $"the silo exited while waiting until {what}. Output:\n{silo.Output}");
            try
            {
                var value = await read();
                if (accept(value))
                {
                    return value;
                }

                last = value?.ToString() ?? "null";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out after {StartTimeout.TotalSeconds:0} s waiting until {what}; last: {last}. Output:\n{silo.Output}");
    }
}
