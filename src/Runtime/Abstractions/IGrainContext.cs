namespace Pricing.Runtime;

/// <summary>What the runtime offers a grain activation (Orleans: <c>IGrainContext</c>).</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this activation, so it never runs
    /// concurrently with a call or with itself: the next tick is scheduled only after the
    /// callback completes. Disposed with the activation.
    /// </summary>
    IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    void DeactivateOnIdle();
}
