namespace Pricing.Silo.Cluster;

/// <summary>
/// A state store that writes behind: a grain's write returns once its state is handed over, and
/// durability is awaited separately, so grain turns never wait on the database.
/// </summary>
public interface IDurableStateStore
{
    /// <summary>Completes when every write handed over before the call is stored (or refused); throws if storing failed.</summary>
    Task WhenDurableAsync(CancellationToken cancellationToken);

    /// <summary>Whether a write for this partition was refused since it was last claimed: another silo owns it now.</summary>
    bool IsRejected(int partition);

    /// <summary>Forgets refusals for a partition this silo has just claimed again.</summary>
    void ResetRejections(int partition);
}
