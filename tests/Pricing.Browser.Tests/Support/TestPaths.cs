using System.Reflection;

namespace Pricing.Browser.Tests.Support;

/// <summary>Where the built silo is, and where screenshots and measurements go.</summary>
internal static class TestPaths
{
    /// <summary>The silo this test build was made with (overridable with PRICING_SILO_DLL).</summary>
    public static string SiloAssembly =>
        Environment.GetEnvironmentVariable("PRICING_SILO_DLL") is { Length: > 0 } path ? path : Metadata("SiloAssembly");

    /// <summary>The dashboard's built assets (src/Web/wwwroot/app/assets).</summary>
    public static string ClientAppAssets => Metadata("ClientAppAssets");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pricing.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Pricing.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>
    /// Screenshots, silo logs and measurements: PRICING_BROWSER_ARTIFACTS, or
    /// artifacts/test-results/browser under the repository (beside test.sh's other results).
    /// </summary>
    public static string Artifacts
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PRICING_BROWSER_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepositoryRoot, "artifacts", "test-results", "browser");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Artifact(string name) => Path.Combine(Artifacts, name);

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
