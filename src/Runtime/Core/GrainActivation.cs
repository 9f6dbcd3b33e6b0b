using Microsoft.Extensions.Logging;

namespace Pricing.Runtime.Core;

/// <summary>
/// One activation of a grain: the grain instance, its turn gate, its timers. Every method that
/// touches the grain runs inside the gate, that is, inside a turn.
/// </summary>
internal sealed class GrainActivation(GrainRuntime runtime, GrainTypeInfo type, GrainId grainId) : IGrainContext
{
    private readonly List<GrainTimer> _timers = [];
    private Grain? _grain;
    private long _lastUsedTimestamp = runtime.Time.GetTimestamp();
    private bool _deactivationRequested;

    public TurnGate Gate { get; } = new();

    public GrainId GrainId { get; } = grainId;

    public GrainTypeInfo Type { get; } = type;

    public ActivationStatus Status { get; private set; } = ActivationStatus.Created;

    public Grain Grain => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    public bool DeactivationRequested => _deactivationRequested;

    public TimeSpan IdleFor => runtime.Time.GetElapsedTime(Volatile.Read(ref _lastUsedTimestamp));

    public void MarkUsed() => Volatile.Write(ref _lastUsedTimestamp, runtime.Time.GetTimestamp());

    /// <summary>Creates the grain, reads its state and runs <see cref="Grain.OnActivateAsync"/>. Inside the first turn.</summary>
    public async Task ActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var grain = Type.Create(runtime.Services);
            grain.Attach(this);
            _grain = grain;
            await grain.InitializeStateAsync(runtime.Services, cancellationToken);
            await grain.OnActivateAsync(cancellationToken);
            Status = ActivationStatus.Valid;
            runtime.Metrics.ActivationCreated(Type.Name);
        }
        catch
        {
            DisposeTimers();
            Status = ActivationStatus.Invalid;
            runtime.RemoveFromDirectory(this);
            throw;
        }
    }

    /// <summary>Runs <see cref="Grain.OnDeactivateAsync"/> and leaves the directory. Inside a turn.</summary>
    public async Task DeactivateAsync(DeactivationReason reason)
    {
        if (Status != ActivationStatus.Valid)
        {
            return;
        }

        Status = ActivationStatus.Deactivating;
        DisposeTimers();
        try
        {
            using var timeout = new CancellationTokenSource(runtime.Options.DeactivationTimeout, runtime.Time);
            await Grain.OnDeactivateAsync(reason, timeout.Token);
        }
        catch (Exception ex)
        {
            runtime.Logger.LogError(ex, "Deactivating {GrainId} ({Reason}) failed; the activation is dropped", GrainId, reason);
        }
        finally
        {
            Status = ActivationStatus.Invalid;
            runtime.RemoveFromDirectory(this);
            runtime.Metrics.ActivationRemoved(Type.Name);
        }
    }

    public IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A grain timer needs a positive period.");
        }

        if (Status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
        {
            throw new InvalidOperationException($"{GrainId} is deactivating; it cannot register timers.");
        }

        var timer = new GrainTimer(runtime, this, callback, period);
        _timers.Add(timer);
        timer.Start(dueTime);
        return timer;
    }

    public void DeactivateOnIdle() => _deactivationRequested = true;

    internal void RemoveTimer(GrainTimer timer) => _timers.Remove(timer);

    private void DisposeTimers()
    {
        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
