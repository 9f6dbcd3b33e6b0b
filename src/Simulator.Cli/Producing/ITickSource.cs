using Pricing.Grains;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>Where the produce loop gets its ticks: as fast as asked, or paced to a rate.</summary>
internal interface ITickSource
{
    /// <summary>
    /// Fills the start of <paramref name="buffer"/> with at most <paramref name="max"/> ticks and
    /// returns how many; when none is due yet, waits a little and returns 0 so the caller can
    /// serve delivery reports.
    /// </summary>
    ValueTask<int> NextAsync(Tick[] buffer, int max, CancellationToken cancellationToken);
}
