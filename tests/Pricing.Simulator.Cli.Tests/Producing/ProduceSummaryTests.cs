using System.Text.Json;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Producing;

public sealed class ProduceSummaryTests
{
    [Fact]
    public void IsOneLineOfJsonWithCountsTimeAndRate()
    {
        var summary = new ProduceSummary("ticks", 1000, 5, 1005, 1005, 0, 2.0, 42, 8, false, "/tmp/e.json", null);

        var json = summary.ToJson();

        Assert.DoesNotContain('\n', json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(1005, root.GetProperty("produced").GetInt64());
        Assert.Equal(1005, root.GetProperty("delivered").GetInt64());
        Assert.Equal(5, root.GetProperty("bad").GetInt64());
        Assert.Equal(2.0, root.GetProperty("elapsed").GetDouble());
        Assert.Equal(502.5, root.GetProperty("rate").GetDouble());
        Assert.Equal(8, root.GetProperty("partitions").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
    }
}
