namespace Pricing.Simulator.Cli.Tests.Support;

/// <summary>
/// The real Kafka 0.9 broker of deploy/local, started by the fixture itself with
/// <c>infra.sh up</c> (idempotent: a second run only checks). A failure to start fails the tests
/// loudly; they are never skipped. Honours <c>PRICING_KAFKA_PORT</c> like infra.sh does, so a
/// machine whose default ports are taken can run everything on others.
/// </summary>
public sealed class LocalKafka : IAsyncLifetime
{
    // A fresh machine installs packages and downloads Kafka first (about 30-50 s measured).
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TopicTimeout = TimeSpan.FromMinutes(2);

    private static string Script => Path.Combine(RepositoryRoot.Path, "deploy", "local", "infra.sh");

    /// <summary>The broker's address.</summary>
    public string BootstrapServers { get; } =
        "127.0.0.1:" + (Environment.GetEnvironmentVariable("PRICING_KAFKA_PORT") is { Length: > 0 } port ? port : "19092");

    /// <summary>Client settings the 0.9 broker needs (see deploy/local/README.md).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> BrokerSettings { get; } =
    [
        new("api.version.request", "false"),
        new("broker.version.fallback", "0.9.0.1"),
    ];

    public async Task InitializeAsync() => await InfraAsync(UpTimeout, "up");

    public Task DisposeAsync() => Task.CompletedTask;

    public Task CreateTopicAsync(string topic, int partitions) =>
        InfraAsync(TopicTimeout, "topic", topic, partitions.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task DeleteTopicAsync(string topic) => InfraAsync(TopicTimeout, "delete-topic", topic);

    private static async Task InfraAsync(TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", [Script, .. arguments], timeout);
        if (exitCode != 0)
            throw new InvalidOperationException($"deploy/local/infra.sh {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}");
    }
}
