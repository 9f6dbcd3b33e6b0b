namespace Pricing.Simulator.Cli.Producing;

/// <summary>What <c>pricing-sim produce</c> was asked to do, after parsing and validation.</summary>
internal sealed record ProduceSettings
{
    public string BootstrapServers { get; init; } = "127.0.0.1:19092";

    public string Topic { get; init; } = "ticks";

    public IReadOnlyList<string> Symbols { get; init; } = SymbolSelection.First(50);

    /// <summary>Ticks per wall-clock second; 0 = as fast as possible.</summary>
    public double Rate { get; init; } = 1000;

    /// <summary>Good ticks to produce; 0 = until interrupted.</summary>
    public long Count { get; init; }

    /// <summary>Simulator seed; null picks one (reported in the summary).</summary>
    public int? Seed { get; init; }

    /// <summary>Event time of the first tick; null = now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>With <see cref="Rate"/> 0: event-time ticks per second, spread evenly.</summary>
    public double EventRate { get; init; } = 1000;

    /// <summary>With <see cref="Rate"/> above 0: event seconds per wall-clock second.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Where to write the expected results; null = not computed.</summary>
    public string? ExpectedPath { get; init; }

    /// <summary>Malformed messages to mix in.</summary>
    public int BadMessages { get; init; }

    /// <summary>librdkafka settings applied last.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KafkaSettings { get; init; } = [];

    public string Partitioner { get; init; } = "murmur2_random";
}
