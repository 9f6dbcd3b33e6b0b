using System.Text;
using System.Text.Json;
using Pricing.Grains;
using Pricing.Simulator.Cli.Expected;

namespace Pricing.Simulator.Cli.Tests.Expected;

public sealed class ExpectedResultsFileTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 18, 29, 123, TimeSpan.Zero);

    [Fact]
    public async Task RoundTripsDigitForDigit()
    {
        var results = Sample();
        using var stream = new MemoryStream();

        await ExpectedResultsFile.WriteAsync(stream, results);
        stream.Position = 0;
        var read = await ExpectedResultsFile.ReadAsync(stream);

        Assert.Equal(ExpectedResultsFile.Serialize(results), ExpectedResultsFile.Serialize(read));
        Assert.Equal("189.20", read.Symbols["AAPL"].LastPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(At.AddTicks(1), read.Symbols["AAPL"].LastTimestamp);
    }

    [Fact]
    public void WritesCamelCaseNumbersAndUtcTimestamps()
    {
        var json = ExpectedResultsFile.Serialize(Sample());

        Assert.Contains("\"lastPrice\": 189.20,", json, StringComparison.Ordinal);
        Assert.Contains("\"turnover\": 18920.00,", json, StringComparison.Ordinal);
        Assert.Contains("\"firstTimestamp\": \"2026-11-22T02:18:29.123Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastTimestamp\": \"2026-11-22T02:18:29.1230001Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"2026-11-22T02:18:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tradeCount\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"badMessages\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"totalTicks\": 2,", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesAFileThroughATemporaryName()
    {
        var directory = Directory.CreateTempSubdirectory("expected-");
        try
        {
            var path = Path.Combine(directory.FullName, "sub", "expected.json");

            await ExpectedResultsFile.WriteAsync(path, Sample());
            var read = await ExpectedResultsFile.ReadAsync(path);

            Assert.Equal(2, read.TotalTicks);
            Assert.Equal(["expected.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MissingRequiredFieldFailsToRead()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"topic":"ticks","seed":1,"badMessages":[],"symbols":{}}"""));

        await Assert.ThrowsAsync<JsonException>(() => ExpectedResultsFile.ReadAsync(stream));
    }

    private static ExpectedResults Sample()
    {
        var builder = new ExpectedResultsBuilder();
        builder.Add(new Tick("AAPL", 189.20m, 50m, At, 0, 0));
        builder.Add(new Tick("AAPL", 189.20m, 50m, At.AddTicks(1), 0, 0));
        builder.AddBadMessage(new ExpectedBadMessage { Partition = 2, Offset = 17, Key = "AAPL", Kind = "negative-price", Reason = "negative price" });
        return builder.Build("ticks", 8, 42);
    }
}
