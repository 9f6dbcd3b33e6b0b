using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pricing.Web.Hosting;

/// <summary>One embedded dashboard file, served with an ETag so browsers revalidate cheaply.</summary>
internal sealed class DashboardFile(string path, byte[] content, string contentType, EntityTagHeaderValue entityTag)
{
    /// <summary>Request path, e.g. <c>/lib/signalr/signalr.min.js</c>.</summary>
    public string Path { get; } = path;

    public string ContentType { get; } = contentType;

    public IResult Serve(HttpContext context)
    {
        // Always revalidate: a new build changes the ETag, an unchanged file costs a 304.
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(content, ContentType, entityTag: entityTag);
    }
}
