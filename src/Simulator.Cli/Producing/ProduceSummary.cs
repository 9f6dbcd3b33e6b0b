using System.Text.Json;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>The one-line JSON summary <c>produce</c> prints to stdout at the end.</summary>
internal sealed record ProduceSummary(
    string Topic,
    long Ticks,
    long Bad,
    long Produced,
    long Delivered,
    long Failed,
    double ElapsedSeconds,
    int Seed,
    int? Partitions,
    bool Interrupted,
    string? Expected,
    string? Error)
{
    /// <summary>Delivered messages per second of the whole run, flush included.</summary>
    public double Rate => ElapsedSeconds > 0 ? Delivered / ElapsedSeconds : 0;

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("topic", Topic);
            json.WriteNumber("produced", Produced);
            json.WriteNumber("delivered", Delivered);
            json.WriteNumber("failed", Failed);
            json.WriteNumber("ticks", Ticks);
            json.WriteNumber("bad", Bad);
            json.WriteNumber("elapsed", Math.Round(ElapsedSeconds, 3));
            json.WriteNumber("rate", Math.Round(Rate, 1));
            json.WriteNumber("seed", Seed);
            WriteNullable(json, "partitions", Partitions);
            json.WriteBoolean("interrupted", Interrupted);
            json.WriteString("expected", Expected);
            json.WriteString("error", Error);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
