namespace Pricing.Runtime;

/// <summary>Why an activation is being deactivated (Orleans: <c>DeactivationReasonCode</c>).</summary>
public enum DeactivationReasonCode
{
    /// <summary>Unused for longer than the collection age.</summary>
    ActivationIdle,
    /// <summary>The grain called <c>DeactivateOnIdle</c>, or the host asked for it (e.g. a partition is handed over).</summary>
    ApplicationRequested,
    /// <summary>The host is stopping gracefully.</summary>
    ShuttingDown,
    /// <summary>The storage rejected a write: another writer owns newer state. The activation must not write again.</summary>
    StateConflict,
    /// <summary>This silo lost ownership without a hand-over; in-memory state is dropped, never written.</summary>
    OwnershipLost,
}

/// <summary>The reason passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    /// <summary>Whether in-memory state may still be written: false when another owner may already have newer state.</summary>
    public bool MayWriteState => Code is not (DeactivationReasonCode.StateConflict or DeactivationReasonCode.OwnershipLost);

    public override string ToString() => $"{Code}: {Description}";
}
