using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Pricing.Silo.Tests.Support;

/// <summary>
/// Sums one counter of one silo, by listening to the meters its <see cref="IMeterFactory"/>
/// created (so other silos in the same process do not count).
/// </summary>
internal sealed class SiloCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public SiloCounter(IServiceProvider services, string meterName, string instrumentName)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
