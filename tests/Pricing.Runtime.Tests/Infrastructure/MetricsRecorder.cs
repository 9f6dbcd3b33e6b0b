using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>
/// Listens to the runtime's meter of one host. Meters are matched by scope, the host's
/// <see cref="IMeterFactory"/>, so the hosts of tests running in parallel do not mix.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private const string MeterName = "Pricing.Runtime";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricsRecorder(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Sum of the measurements of a counter, optionally only those tagged with a grain type.</summary>
    public long Sum(string instrument, string? grainType = null) =>
        _measurements.Where(m => m.Instrument == instrument && (grainType is null || m.GrainType == grainType)).Sum(m => m.Value);

    /// <summary>Reads an observable instrument now.</summary>
    public long Observe(string instrument)
    {
        var before = _measurements.Count(m => m.Instrument == instrument);
        _listener.RecordObservableInstruments();
        return _measurements.Where(m => m.Instrument == instrument).Skip(before).Last().Value;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? grainType = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "grain.type")
            {
                grainType = tag.Value as string;
            }
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, grainType));
    }

    private sealed record Measurement(string Instrument, long Value, string? GrainType);
}
