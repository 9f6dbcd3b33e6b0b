using System.Diagnostics;
using Pricing.Kafka;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Brings the local servers up once for all tests (<c>deploy/local/infra.sh up</c>: installs what
/// is missing, starts ZooKeeper, Kafka, Redis and PostgreSQL, or only checks them when they run).
/// If that fails, every test fails with the script's output: these tests never skip.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    internal LocalServers Servers { get; } = LocalServers.FromEnvironment();

    /// <summary>How long <c>up</c> took, for the report.</summary>
    internal TimeSpan UpTime { get; private set; }

    /// <summary>Where the silos' logs and other artifacts of this run go.</summary>
    internal string ArtifactsDirectory { get; } = Path.Combine(
        RepositoryRoot.Path, "artifacts", "integration", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        // A fresh machine installs packages and downloads Kafka first: give it time.
        await InfraScript.RunAsync(TimeSpan.FromMinutes(10), "up");
        UpTime = clock.Elapsed;
        if (!File.Exists(SiloProcess.DllPath))
        {
            throw new FileNotFoundException($"The silo is not built: {SiloProcess.DllPath} is missing. Build Pricing.sln in the same configuration as the tests.", SiloProcess.DllPath);
        }

        LibrdkafkaLoader.EnsureLoaded();
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
