namespace Pricing.Runtime;

/// <summary>
/// Reads and writes grain state with optimistic concurrency (Orleans: <c>IGrainStorage</c>).
/// A write succeeds only if the stored version equals <see cref="IGrainState{T}.ETag"/>, and
/// then sets the new ETag; otherwise it throws <see cref="InconsistentStateException"/>.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
