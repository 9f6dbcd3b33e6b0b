using System.ComponentModel.DataAnnotations;

namespace Pricing.Grains;

/// <summary>How the symbol grain persists, bound from <c>Pricing:SymbolGrain</c>.</summary>
public sealed class SymbolGrainOptions
{
    public const string SectionName = "Pricing:SymbolGrain";

    /// <summary>
    /// Write-behind: changed state (with the history produced since the last write) is written at
    /// this interval and on deactivation, so a slow store does not slow every tick.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
