namespace Pricing.Simulator.Cli.Tests.Support;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds Pricing.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Pricing.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No Pricing.sln above {AppContext.BaseDirectory}: the tests must run from a checkout.");
    }
}
