namespace Pricing.Runtime;

/// <summary>Control over this silo's activations, for the host (hand-over, shutdown) and the cluster view.</summary>
public interface IGrainManagement
{
    int ActivationCount { get; }

    /// <summary>
    /// Deactivates the matching activations, each in its own turn after the turns already
    /// queued. The reason tells the grain whether it may write its state.
    /// </summary>
    Task DeactivateAsync(Func<GrainId, bool> filter, DeactivationReason reason, CancellationToken cancellationToken = default);

    RuntimeStatistics GetStatistics();
}

/// <summary>A point-in-time view of the runtime.</summary>
/// <param name="Activations">Activations in the directory.</param>
/// <param name="TotalTurns">Turns run since start (calls and timer ticks).</param>
/// <param name="MailboxDepth">Calls waiting for a turn, summed over activations.</param>
/// <param name="ActivationsByType">Activations per grain type name.</param>
public sealed record RuntimeStatistics(int Activations, long TotalTurns, int MailboxDepth, IReadOnlyDictionary<string, int> ActivationsByType);
