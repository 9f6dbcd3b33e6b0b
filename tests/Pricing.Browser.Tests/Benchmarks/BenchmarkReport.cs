namespace Pricing.Browser.Tests.Benchmarks;

/// <summary>Writes each figure to the test output and to artifacts/test-results/browser/benchmarks.txt.</summary>
internal sealed class BenchmarkReport(ITestOutputHelper output)
{
    public void Line(string text)
    {
        output.WriteLine(text);
        File.AppendAllText(Support.TestPaths.Artifact("benchmarks.txt"), $"{DateTimeOffset.UtcNow:u} {text}{Environment.NewLine}");
    }
}
