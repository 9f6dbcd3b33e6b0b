using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Pricing.Runtime;

/// <summary>
/// A grain with persistent state (Orleans: <c>Grain&lt;TState&gt;</c>). State is read before
/// <see cref="Grain.OnActivateAsync"/>; the grain decides when to write it. Every write carries
/// the ETag of the version it was read as, so a stale activation cannot overwrite newer state.
/// </summary>
public abstract class Grain<TState> : Grain where TState : new()
{
    private IGrainState<TState>? _grainState;
    private IGrainStorage? _storage;

    protected TState State
    {
        get => GrainStateOrThrow.State;
        set => GrainStateOrThrow.State = value;
    }

    /// <summary>Version of the stored state this activation holds; null when nothing was stored yet.</summary>
    protected string? Etag => GrainStateOrThrow.ETag;

    /// <summary>Whether a stored record was found on activation or has been written since.</summary>
    protected bool RecordExists => GrainStateOrThrow.RecordExists;

    /// <summary>Name under which the state is stored: the grain type name.</summary>
    protected string StateName => GrainId.Type;

    private IGrainState<TState> GrainStateOrThrow =>
        _grainState ?? throw new InvalidOperationException("Grain state is read when the grain activates; it is not available in the constructor.");

    private IGrainStorage Storage => _storage ?? throw new InvalidOperationException("Grain storage is resolved on activation.");

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> when the stored version moved on.</summary>
    protected Task WriteStateAsync() => Storage.WriteStateAsync(StateName, GrainId, GrainStateOrThrow);

    protected Task ReadStateAsync() => Storage.ReadStateAsync(StateName, GrainId, GrainStateOrThrow);

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new instance, as Orleans does.</summary>
    protected async Task ClearStateAsync()
    {
        await Storage.ClearStateAsync(StateName, GrainId, GrainStateOrThrow);
        GrainStateOrThrow.State = new TState();
    }

    internal override async Task InitializeStateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var providerName = GetType().GetCustomAttribute<StorageProviderAttribute>()?.ProviderName
            ?? StorageProviderAttribute.DefaultProviderName;
        _storage = services.GetKeyedService<IGrainStorage>(providerName)
            ?? throw new InvalidOperationException(
                $"No grain storage named '{providerName}' is registered (grain {GetType().Name}); register one with AddGrainStorage.");
        _grainState = new GrainState<TState>(new TState());
        await ReadStateAsync();
    }
}
