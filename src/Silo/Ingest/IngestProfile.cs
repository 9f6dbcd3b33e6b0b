namespace Pricing.Silo.Ingest;

/// <summary>Cumulative time of the input loop's phases, to tell what bounds the ingest rate.</summary>
public sealed record IngestProfile(long Batches, TimeSpan Reading, TimeSpan Applying, TimeSpan Checkpointing)
{
    public override string ToString() =>
        $"{Batches} batches; reading and parsing {Reading.TotalSeconds:0.0} s, applying {Applying.TotalSeconds:0.0} s, checkpoints (concurrent) {Checkpointing.TotalSeconds:0.0} s";
}
