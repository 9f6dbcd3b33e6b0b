using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pricing.Web.Hosting;

/// <summary>
/// One embedded dashboard file, served with an ETag so browsers revalidate cheaply, and gzipped
/// when the client accepts it (compressed once at start-up, not per request).
/// </summary>
internal sealed class DashboardFile(string path, string contentType, string cacheControl, DashboardFileContent identity, DashboardFileContent? gzip)
{
    /// <summary>Request path, e.g. <c>/assets/index-3f2a.js</c>.</summary>
    public string Path { get; } = path;

    public string ContentType { get; } = contentType;

    public string CacheControl { get; } = cacheControl;

    public bool HasGzip => gzip is not null;

    public IResult Serve(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        var content = identity;
        if (gzip is not null)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
            if (AcceptsGzip(context.Request))
            {
                headers.ContentEncoding = "gzip";
                content = gzip;
            }
        }

        return TypedResults.Bytes(content.Bytes, ContentType, entityTag: content.EntityTag);
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        foreach (var encoding in request.GetTypedHeaders().AcceptEncoding)
        {
            if (encoding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && encoding.Quality is not 0)
            {
                return true;
            }
        }

        return false;
    }
}
