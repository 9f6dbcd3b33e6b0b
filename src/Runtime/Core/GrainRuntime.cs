using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pricing.Runtime.Core;

/// <summary>
/// The activation directory and the call path. A call finds or creates the activation,
/// waits for its turn, activates it on the first turn, and runs the method. An activation
/// leaves the directory only at the end of its last turn, and a new one for the same grain can
/// activate only after that, so a grain is never active twice in this process.
/// </summary>
internal sealed class GrainRuntime(
    IServiceProvider services,
    GrainTypeRegistry registry,
    IOptions<GrainRuntimeOptions> options,
    TimeProvider time,
    RuntimeMetrics metrics,
    ILogger<GrainRuntime> logger) : IGrainFactory, IGrainCallInvoker, IGrainManagement
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private long _turns;
    private volatile bool _stopping;

    public IServiceProvider Services { get; } = services;

    public GrainRuntimeOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public RuntimeMetrics Metrics { get; } = metrics;

    public ILogger Logger { get; } = logger;

    public int ActivationCount => _activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var type = registry.GetByInterface(typeof(TGrainInterface));
        return (TGrainInterface)registry.GetReferenceFactory(typeof(TGrainInterface))(this, new GrainId(type.Name, key));
    }

    public async ValueTask<TResult> InvokeAsync<TGrainInterface, TArgument, TResult>(
        GrainId grainId,
        Func<TGrainInterface, TArgument, ValueTask<TResult>> method,
        TArgument argument)
        where TGrainInterface : class, IGrain
    {
        while (true)
        {
            var activation = GetOrCreateActivation(grainId);
            await activation.Gate.EnterAsync();
            try
            {
                if (activation.Status == ActivationStatus.Invalid)
                {
                    // Deactivated while this call waited: go round and find (or create) the next activation.
                    continue;
                }

                if (activation.Status == ActivationStatus.Created)
                {
                    await activation.ActivateAsync(CancellationToken.None);
                }

                activation.MarkUsed();
                CountTurn(activation);
                try
                {
                    return await method((TGrainInterface)(object)activation.Grain, argument);
                }
                catch (InconsistentStateException ex)
                {
                    await activation.DeactivateAsync(new(DeactivationReasonCode.StateConflict, ex.Message));
                    throw;
                }
            }
            finally
            {
                // Idle time counts from the end of the last call, not its start.
                activation.MarkUsed();
                await EndTurnAsync(activation);
            }
        }
    }

    /// <summary>Runs a grain timer callback as a turn; skipped if the activation is no longer valid.</summary>
    public async Task RunTimerTurnAsync(GrainActivation activation, Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        await activation.Gate.EnterAsync();
        try
        {
            if (activation.Status != ActivationStatus.Valid || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            CountTurn(activation);
            try
            {
                await callback(cancellationToken);
            }
            catch (InconsistentStateException ex)
            {
                await activation.DeactivateAsync(new(DeactivationReasonCode.StateConflict, ex.Message));
                throw;
            }
        }
        finally
        {
            await EndTurnAsync(activation);
        }
    }

    public Task DeactivateAsync(Func<GrainId, bool> filter, DeactivationReason reason, CancellationToken cancellationToken = default) =>
        DeactivateWhereAsync(a => filter(a.GrainId), reason, cancellationToken);

    public RuntimeStatistics GetStatistics()
    {
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var mailbox = 0;
        foreach (var activation in _activations.Values)
        {
            byType[activation.Type.Name] = byType.GetValueOrDefault(activation.Type.Name) + 1;
            mailbox += activation.Gate.QueueLength;
        }

        return new RuntimeStatistics(_activations.Count, Interlocked.Read(ref _turns), mailbox, byType);
    }

    /// <summary>Deactivates activations unused for longer than the collection age.</summary>
    public Task CollectIdleAsync(CancellationToken cancellationToken) =>
        DeactivateWhereAsync(a => a.IdleFor >= Options.CollectionAge, new(DeactivationReasonCode.ActivationIdle, "idle"), cancellationToken);

    /// <summary>Stops taking new activations and deactivates every activation, letting each write its state.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var count = _activations.Count;
        var deactivation = DeactivateAsync(_ => true, new(DeactivationReasonCode.ShuttingDown, "the silo is stopping"), cancellationToken);
        try
        {
            // A turn that never ends keeps its activation's deactivation waiting; the host's
            // shutdown budget, not that turn, decides when the stop ends.
            await deactivation.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Shutdown budget ran out with {Left} of {Count} activations not deactivated; their state is not written", _activations.Count, count);
            return;
        }

        logger.LogInformation("Deactivated {Count} activations on shutdown", count);
    }

    /// <summary>The live grain instance of an activation, bypassing the call path (for benchmarks comparing against it).</summary>
    internal Grain? FindActiveGrain(GrainId grainId) =>
        _activations.TryGetValue(grainId, out var activation) && activation.Status == ActivationStatus.Valid ? activation.Grain : null;

    internal int MailboxDepth() => _activations.Values.Sum(a => a.Gate.QueueLength);

    internal void RemoveFromDirectory(GrainActivation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    private Task DeactivateWhereAsync(Func<GrainActivation, bool> predicate, DeactivationReason reason, CancellationToken cancellationToken)
    {
        var targets = _activations.Values.Where(predicate).ToList();
        return Parallel.ForEachAsync(
            targets,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrentDeactivations, CancellationToken = cancellationToken },
            async (activation, _) => await DeactivateOneAsync(activation, reason));
    }

    private async Task DeactivateOneAsync(GrainActivation activation, DeactivationReason reason)
    {
        if (reason.Code == DeactivationReasonCode.ActivationIdle)
        {
            // A running turn or a queued call means the activation is in use: skip it this pass
            // rather than wait behind it (a stuck turn would stall collection for every grain).
            if (!activation.Gate.TryEnter())
            {
                return;
            }
        }
        else
        {
            await activation.Gate.EnterAsync();
        }

        try
        {
            // An idle activation that was called since the pass looked at it is no longer idle.
            if (reason.Code == DeactivationReasonCode.ActivationIdle && activation.IdleFor < Options.CollectionAge)
            {
                return;
            }

            await activation.DeactivateAsync(reason);
        }
        finally
        {
            activation.Gate.Exit();
        }
    }

    private GrainActivation GetOrCreateActivation(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (_stopping)
        {
            throw new InvalidOperationException($"The grain runtime is shutting down; {grainId} cannot be activated.");
        }

        // Losing racers build an activation object that is never entered: construction does no work.
        return _activations.GetOrAdd(grainId, static (id, runtime) => new GrainActivation(runtime, runtime.TypeFor(id), id), this);
    }

    private GrainTypeInfo TypeFor(GrainId grainId) => registry.GetByName(grainId.Type);

    private void CountTurn(GrainActivation activation)
    {
        Interlocked.Increment(ref _turns);
        Metrics.TurnCompleted(activation.Type.Name);
    }

    private async ValueTask EndTurnAsync(GrainActivation activation)
    {
        if (activation.DeactivationRequested && activation.Status == ActivationStatus.Valid)
        {
            await activation.DeactivateAsync(new(DeactivationReasonCode.ApplicationRequested, "the grain asked to be deactivated"));
        }

        activation.Gate.Exit();
    }
}
