using System.Diagnostics.Metrics;

namespace Pricing.Runtime.Core;

/// <summary>
/// The runtime's instruments (meter "Pricing.Runtime"): activations, turns (a counter; rates are
/// the collector's job), and mailbox depth.
/// </summary>
internal sealed class RuntimeMetrics
{
    public const string MeterName = "Pricing.Runtime";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsRemoved;
    private GrainRuntime? _runtime;

    public RuntimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("pricing.runtime.turns", "{turn}", "Turns run by grain activations (calls and timer ticks).");
        _activationsCreated = meter.CreateCounter<long>("pricing.runtime.activations.created", "{activation}", "Activations created.");
        _activationsRemoved = meter.CreateCounter<long>("pricing.runtime.activations.removed", "{activation}", "Activations deactivated.");
        meter.CreateObservableUpDownCounter("pricing.runtime.activations", () => _runtime?.ActivationCount ?? 0, "{activation}", "Activations in the directory.");
        meter.CreateObservableGauge("pricing.runtime.mailbox.depth", () => _runtime?.MailboxDepth() ?? 0, "{call}", "Calls waiting for a turn, summed over activations.");
    }

    public void Attach(GrainRuntime runtime) => _runtime = runtime;

    public void TurnCompleted(string grainType)
    {
        if (_turns.Enabled)
        {
            _turns.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
        }
    }

    public void ActivationCreated(string grainType) => _activationsCreated.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));

    public void ActivationRemoved(string grainType) => _activationsRemoved.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
}
