using System.Net.Http.Headers;
using Pricing.Browser.Tests.Support;

namespace Pricing.Browser.Tests.Benchmarks;

/// <summary>Gzipped JavaScript as the silo serves it, against the 250 KB budget.</summary>
[Trait("Category", "Benchmark")]
public sealed class JavaScriptSizeBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const int BudgetBytes = 250 * 1024;
    private readonly BenchmarkReport _report = new(output);
    private SiloProcess? _silo;

    public async Task InitializeAsync() => _silo = await SiloProcess.StartAsync(SiloSettings.ForTests, "size");

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task GzippedJavaScriptStaysWithinBudget()
    {
        long total = 0;
        long entry = 0;
        var index = await _silo!.Http.GetStringAsync("/");
        foreach (var file in Directory.GetFiles(TestPaths.ClientAppAssets, "*.js").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/assets/{name}");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await _silo.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            total += bytes;
            if (index.Contains(name, StringComparison.Ordinal))
            {
                entry += bytes;
            }

            _report.Line($"js-gzip {name}: {bytes / 1024.0:F1} KB (raw {new FileInfo(file).Length / 1024.0:F1} KB)");
        }

        _report.Line($"js-gzip total: {total / 1024.0:F1} KB; loaded by the overview (entry): {entry / 1024.0:F1} KB; budget {BudgetBytes / 1024} KB");
        Assert.InRange(total, 1, BudgetBytes);
    }
}
