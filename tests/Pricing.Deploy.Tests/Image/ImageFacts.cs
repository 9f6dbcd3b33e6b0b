using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pricing.Deploy.Tests.Support;

namespace Pricing.Deploy.Tests.Image;

/// <summary>What the image is expected to be, read from the Dockerfile and the silo's project.</summary>
internal static partial class ImageFacts
{
    /// <summary>The non-root user of the .NET base images (APP_UID, user "app").</summary>
    public const int AppUid = 1654;

    /// <summary>The silo's assembly, as <c>dotnet publish</c> names it.</summary>
    public static string SiloDll { get; } =
        (XDocument.Load(Repository.Path("src", "Silo", "Pricing.Silo.csproj")).Descendants("AssemblyName").SingleOrDefault()?.Value ?? "Pricing.Silo") + ".dll";

    /// <summary>The port of the final stage's <c>Urls</c> setting.</summary>
    public static int Port(Dockerfile dockerfile)
    {
        var urls = dockerfile.Final.Environment().GetValueOrDefault("Urls")
            ?? throw new Xunit.Sdk.XunitException("The final stage sets no Urls (ASPNETCORE_URLS would lose to appsettings.json's Urls).");
        var match = UrlPort().Match(urls);
        Assert.True(match.Success, $"Urls '{urls}' names no port.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex UrlPort();
}
