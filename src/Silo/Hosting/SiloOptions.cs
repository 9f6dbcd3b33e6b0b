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
}
