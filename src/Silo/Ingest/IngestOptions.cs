using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.Ingest;

/// <summary>How ticks are handed to grains, bound from <c>Pricing:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Pricing:Ingest";

    /// <summary>Symbols of one batch are applied on up to this many threads at once (each symbol's ticks in order).</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Batches with fewer distinct symbols than this run on the calling thread: fanning out costs more than it saves.</summary>
    [Range(1, 100_000)]
    public int MinSymbolsForParallelism { get; set; } = 16;
}
