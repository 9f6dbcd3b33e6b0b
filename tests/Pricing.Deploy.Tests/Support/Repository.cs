using System.Reflection;

namespace Pricing.Deploy.Tests.Support;

/// <summary>Paths in the checkout these tests were built from, and the build configuration.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootDirectory = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Pricing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"Pricing.sln is in no directory above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootDirectory.Value;

    /// <summary>The configuration the tests (and so the silo they publish) were built in.</summary>
    public static string BuildConfiguration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "BuildConfiguration")?.Value
        ?? throw new InvalidOperationException("The test assembly lacks its BuildConfiguration metadata.");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));
}
