using Microsoft.Net.Http.Headers;

namespace Pricing.Web.Hosting;

/// <summary>One encoding of a dashboard file (as built, or gzip) and its entity tag.</summary>
internal sealed record DashboardFileContent(byte[] Bytes, EntityTagHeaderValue EntityTag);
