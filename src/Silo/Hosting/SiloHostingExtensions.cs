using Pricing.Silo.Hosting;

namespace Pricing.Silo;

public static class SiloHostingExtensions
{
    /// <summary>Binds and validates the top-level <c>Pricing</c> settings, and returns the mode the composition follows.</summary>
    public static SiloMode AddSiloOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloOptions>()
            .BindConfiguration(SiloOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var mode = builder.Configuration.GetSection(SiloOptions.SectionName).GetValue(nameof(SiloOptions.Mode), SiloMode.Embedded);
        return mode;
    }
}
