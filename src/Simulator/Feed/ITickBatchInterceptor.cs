using Pricing.Grains;

namespace Pricing.Simulator;

/// <summary>
/// Extension point for anomaly injection (late or duplicated ticks, bad prints): sees each batch a
/// <see cref="SimulatedFeed"/> produces before it leaves, and may rewrite ticks in place. The
/// count stays the same so pacing is unaffected. None is installed by default.
/// </summary>
public interface ITickBatchInterceptor
{
    /// <summary>Called once per batch; the memory is reused after the call returns.</summary>
    void Intercept(Span<Tick> batch);
}
