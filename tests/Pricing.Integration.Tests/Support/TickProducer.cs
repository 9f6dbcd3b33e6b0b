using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using Pricing.Simulator.Cli;
using Pricing.Simulator.Cli.Expected;

namespace Pricing.Integration.Tests.Support;

/// <summary>Produces ticks with the simulator CLI, in-process, and returns the results an exactly-once consumer must reach.</summary>
internal static class TickProducer
{
    public static async Task<ExpectedResults> ProduceAsync(IsolatedCluster cluster, string name, ProduceRequest request)
    {
        var expectedPath = Path.Combine(cluster.ArtifactsDirectory, $"expected-{name}.json");
        string[] arguments =
        [
            "produce",
            "--bootstrap-servers", cluster.Servers.KafkaBootstrapServers,
            "--topic", cluster.Topic,
            "--count", request.Count.ToString(CultureInfo.InvariantCulture),
            "--symbols", request.Symbols,
            "--seed", request.Seed.ToString(CultureInfo.InvariantCulture),
            "--start", request.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            "--rate", request.Rate.ToString(CultureInfo.InvariantCulture),
            "--event-rate", request.EventRate.ToString(CultureInfo.InvariantCulture),
            "--bad-messages", request.BadMessages.ToString(CultureInfo.InvariantCulture),
            "--expected", expectedPath,
            .. LocalServers.KafkaClientSettings.SelectMany(s => new[] { "--setting", $"{s.Key}={s.Value}" }),
        ];

        cluster.Log($"producer {name}: {request.Count:N0} ticks over {(request.Symbols.Contains(',', StringComparison.Ordinal) ? $"{request.Symbols.Split(',').Length} listed" : request.Symbols)} symbols, seed {request.Seed}, rate {(request.Rate > 0 ? $"{request.Rate:N0}/s" : "unpaced")}, {request.BadMessages} malformed, event time from {request.Start:O}");
        var clock = Stopwatch.StartNew();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        // The CLI writes progress from its own threads.
        var configuration = new InvocationConfiguration
        {
            Output = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            ProcessTerminationTimeout = null,
        };
        var exitCode = await CliApp.CreateRootCommand().Parse(arguments).InvokeAsync(configuration);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pricing-sim produce ({name}) failed with exit code {exitCode}:\n{error}\n{output}");
        }

        var expected = await ExpectedResultsFile.ReadAsync(expectedPath);
        cluster.Log($"producer {name}: done in {clock.Elapsed.TotalSeconds:0.0} s: {output.ToString().Trim()}");
        return expected;
    }
}
