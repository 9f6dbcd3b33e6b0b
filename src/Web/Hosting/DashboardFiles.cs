using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Pricing.Web.Hosting;

/// <summary>
/// The dashboard's files: the client app's build (<c>src/Web/ClientApp</c>, built into
/// <c>wwwroot/app</c>), embedded in the assembly under the logical name <c>wwwroot/...</c> by the
/// build (see <c>ClientApp/ClientApp.targets</c>). Embedding makes serving independent of the
/// host's content root, its environment and static web asset manifests: the same bytes under
/// <c>dotnet run</c> in Development and Production, after publish, and in test hosts.
/// </summary>
internal sealed class DashboardFiles
{
    /// <summary>The client app's entry page; also the answer for its routes (<c>/symbols/AAPL</c>).</summary>
    public const string IndexPath = "/index.html";

    private const string Prefix = "wwwroot/";

    /// <summary>Vite puts content-hashed names here: a new build means a new URL, so they never change.</summary>
    private const string HashedAssets = "/assets/";

    private const string Immutable = "public, max-age=31536000, immutable";

    // Always revalidate: a new build changes the ETag, an unchanged file costs a 304.
    private const string Revalidate = "no-cache";

    private DashboardFiles(IReadOnlyList<DashboardFile> all) => All = all;

    public IReadOnlyList<DashboardFile> All { get; }

    public DashboardFile? Index => All.FirstOrDefault(file => file.Path == IndexPath);

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

            var compressible = IsCompressible(contentType);
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/json")
            {
                contentType += "; charset=utf-8";
            }

            var identity = new DashboardFileContent(content, EntityTagFor(content, string.Empty));
            var gzip = compressible ? Gzip(content) : null;
            var cacheControl = path.StartsWith(HashedAssets, StringComparison.Ordinal) ? Immutable : Revalidate;
            files.Add(new DashboardFile(path, contentType, cacheControl, identity, gzip));
        }

        return new DashboardFiles(files);
    }

    private static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType is "application/json" or "image/svg+xml" or "application/javascript";

    /// <summary>The gzip encoding, when it is worth it (small files can grow).</summary>
    private static DashboardFileContent? Gzip(byte[] content)
    {
        if (content.Length < 1024)
        {
            return null;
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var compressed = output.ToArray();
        return compressed.Length < content.Length * 9 / 10
            ? new DashboardFileContent(compressed, EntityTagFor(content, "-gz"))
            : null;
    }

    // The encoding is part of the tag: a cache must not answer a gzip request with the plain bytes' 304.
    private static EntityTagHeaderValue EntityTagFor(byte[] content, string suffix) =>
        new($"\"{Convert.ToBase64String(SHA256.HashData(content), 0, 12)}{suffix}\"");
}
