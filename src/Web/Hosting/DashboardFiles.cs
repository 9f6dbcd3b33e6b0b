using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Pricing.Web.Hosting;

/// <summary>
/// The dashboard's files, embedded in the assembly under the logical name <c>wwwroot/...</c>
/// (see the project file). Embedding makes serving independent of the host's content root, its
/// environment and static web asset manifests: the same bytes under <c>dotnet run</c> in
/// Production, after publish, and in test hosts.
/// </summary>
internal sealed class DashboardFiles
{
    private const string Prefix = "wwwroot/";

    private DashboardFiles(IReadOnlyList<DashboardFile> all) => All = all;

    public IReadOnlyList<DashboardFile> All { get; }

    public static DashboardFiles Load(Assembly assembly)
    {
        var contentTypes = new FileExtensionContentTypeProvider();
        var files = new List<DashboardFile>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // RecursiveDir uses the build machine's separator.
            var logical = name.Replace('\\', '/');
            if (!logical.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = "/" + logical[Prefix.Length..];
            if (!contentTypes.TryGetContentType(path, out var contentType))
            {
                contentType = "application/octet-stream";
            }

            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/json")
            {
                contentType += "; charset=utf-8";
            }

            var hash = Convert.ToBase64String(SHA256.HashData(content), 0, 12);
            files.Add(new DashboardFile(path, content, contentType, new EntityTagHeaderValue($"\"{hash}\"")));
        }

        return new DashboardFiles(files);
    }
}
