using System.ComponentModel.DataAnnotations;

namespace Pricing.Runtime;

/// <summary>Runtime settings, bound from <c>Pricing:Runtime</c>.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "Pricing:Runtime";

    /// <summary>An activation unused for this long is deactivated (Orleans: CollectionAge).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (Orleans: CollectionQuantum).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <c>OnDeactivateAsync</c> may take before its token is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deactivations run in parallel up to this many (each writes its state).</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentDeactivations { get; set; } = 64;
}
