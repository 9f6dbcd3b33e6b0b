using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pricing.Web.Hubs;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Outbox;

/// <summary>An outbox on fake time with a recording sender, and the counters it reports.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counters = [];

    public OutboxHarness()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();

        // Only this harness' meter: other tests create instruments with the same names in parallel.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_counters)
            {
                _counters[instrument.Name] = _counters.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();

        Outbox = new ConnectionOutbox("connection-1", Sender, Time, Interval, new MarketHubMetrics(meterFactory), NullLogger.Instance);
    }

    public ManualTimeProvider Time { get; } = new(TestData.Epoch);

    public RecordingSender Sender { get; } = new();

    public ConnectionOutbox Outbox { get; }

    public long Counter(string name)
    {
        lock (_counters)
        {
            return _counters.GetValueOrDefault(name);
        }
    }

    /// <summary>Subscribes and arms each symbol with <paramref name="snapshotSequence"/>, holding the first update for one interval.</summary>
    public OutboxSlot<Quote>[] Subscribe(long snapshotSequence, params string[] symbols)
    {
        Assert.True(Outbox.TryAddSymbols(symbols, 10_000, out var slots, out _));
        var holdUntil = Outbox.HoldUntil();
        foreach (var slot in slots)
        {
            slot.Arm(snapshotSequence, holdUntil);
        }

        return slots;
    }

    /// <summary>Advances fake time and waits until the loop has sent whatever became due.</summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return IdleAsync();
    }

    public Task IdleAsync() => Eventually.WithinAsync(Outbox.WhenIdleAsync(), "the outbox loop is idle");

    public async ValueTask DisposeAsync()
    {
        Sender.Unblock();
        await Outbox.DisposeAsync();
        _listener.Dispose();
        await _services.DisposeAsync();
    }
}
