using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.Hosting;

/// <summary>The silo's top-level settings, bound from <c>Pricing</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Pricing";

    public SiloMode Mode { get; set; } = SiloMode.Embedded;

    /// <summary>This silo's name in the cluster view; defaults to host name and process id.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._:-]{1,100}$", ErrorMessage = "SiloId may hold letters, digits, '.', '_', ':' and '-' (at most 100).")]
    public string SiloId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Where this silo's HTTP endpoint is reached, as the cluster view shows it (e.g.
    /// <c>http://10.1.2.3:8080</c> from a pod's IP). Unset: the first address the server listens
    /// on, which behind a wildcard binding such as <c>http://+:8080</c> names no host.
    /// </summary>
    [RegularExpression(@"^https?://[^\s/?#]+(/\S*)?$", ErrorMessage = "Pricing:AdvertisedAddress must be an absolute http:// or https:// URL with a host, e.g. http://10.1.2.3:8080.")]
    public string? AdvertisedAddress { get; set; }
}
