namespace Pricing.Silo.Kafka;

internal enum CheckpointOutcome
{
    /// <summary>Nothing changed since the last checkpoint.</summary>
    Unchanged,
    /// <summary>The changed grains were written and the checkpoint moved forward.</summary>
    Advanced,
    /// <summary>Another silo owns the partition now: nothing more may be written for it.</summary>
    Fenced,
}
