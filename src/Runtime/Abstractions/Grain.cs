namespace Pricing.Runtime;

/// <summary>
/// Base class of grain implementations (Orleans: <c>Grain</c>). The runtime runs one turn at a
/// time on an activation, so grain code needs no locks.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>The activation this grain instance belongs to.</summary>
    protected IGrainContext GrainContext =>
        _context ?? throw new InvalidOperationException("The grain is not attached to an activation; create grains through the runtime.");

    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The string key this grain was addressed with.</summary>
    protected string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    /// <summary>Called once, as the first turn of the activation, after state has been read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once, as the last turn of the activation. Write state here unless <see cref="DeactivationReason.MayWriteState"/> is false.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc cref="IGrainContext.RegisterGrainTimer"/>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(callback, dueTime, period);

    /// <inheritdoc cref="IGrainContext.DeactivateOnIdle"/>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    internal void Attach(IGrainContext context) => _context = context;

    /// <summary>Hook for <see cref="Grain{TState}"/>: read state before <see cref="OnActivateAsync"/>.</summary>
    internal virtual Task InitializeStateAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
