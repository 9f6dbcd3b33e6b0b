using System.Net.Http.Json;
using Pricing.Grains;
using Pricing.Testing;

namespace Pricing.IngestBench;

/// <summary>
/// End-to-end delay: subscribes to every symbol on a silo's hub and, for each quote received,
/// takes receive time minus the quote's event time (which the producer set to its own clock when
/// it made the tick, on this same machine). Reports percentiles after a warm-up.
/// </summary>
internal static class QuoteLatency
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var url = new Uri(args.Get("url"));
        var seconds = args.GetLong("seconds", 30);
        var warmup = TimeSpan.FromSeconds(args.GetLong("warmup", 5));
        using var http = new HttpClient { BaseAddress = url };
        var symbols = await WaitForSymbolsAsync(http, (int)args.GetLong("symbols", 1));
        await using var connection = await MarketHubClient.ConnectAsync(url);
        var delays = new List<double>(capacity: 1_000_000);
        var measuring = false;
        var gate = new Lock();
        connection.OnQuote(quote =>
        {
            var delay = (DateTimeOffset.UtcNow - quote.Timestamp).TotalMilliseconds;
            lock (gate)
            {
                if (measuring)
                {
                    delays.Add(delay);
                }
            }
        });
        foreach (var chunk in symbols.Chunk(1000))
        {
            await connection.SubscribeAsync(chunk);
        }

        await Task.Delay(warmup);
        lock (gate)
        {
            measuring = true;
        }

        await Task.Delay(TimeSpan.FromSeconds(seconds));
        double[] sorted;
        lock (gate)
        {
            measuring = false;
            sorted = [.. delays.Order()];
        }

        if (sorted.Length == 0)
        {
            Console.Error.WriteLine("no quotes arrived");
            return 1;
        }

        Console.WriteLine(
            $"{{\"quotes\":{sorted.Length},\"symbols\":{symbols.Count},\"p50Ms\":{Percentile(sorted, 0.50):0.0},\"p90Ms\":{Percentile(sorted, 0.90):0.0}," +
            $"\"p99Ms\":{Percentile(sorted, 0.99):0.0},\"maxMs\":{sorted[^1]:0.0}}}");
        return 0;
    }

    private static async Task<IReadOnlyList<string>> WaitForSymbolsAsync(HttpClient http, int atLeast)
    {
        var json = MarketHubClient.ConfigureJson(new(System.Text.Json.JsonSerializerDefaults.Web));
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            try
            {
                var symbols = await http.GetFromJsonAsync<List<SymbolSummary>>("api/v1/symbols", json);
                if (symbols is { Count: > 0 } && symbols.Count >= atLeast)
                {
                    return [.. symbols.Select(s => s.Symbol)];
                }
            }
            catch (HttpRequestException)
            {
                // The silo is still starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the silo listed no symbols");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
