using Pricing.Grains;
using Pricing.Runtime;

namespace Pricing.Silo.Postgres;

/// <summary>One grain's write waiting for the next group commit: encoded state, the version it expects, its fencing requirements and its history.</summary>
internal sealed class PendingStateWrite(
    GrainId grainId,
    byte[] state,
    long? expectedVersion,
    IReadOnlyList<(int Partition, long Generation)> fence,
    HistoryTrade[] trades,
    IReadOnlyList<Candle> candles)
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainId GrainId { get; } = grainId;

    public byte[] State { get; } = state;

    /// <summary>The version the grain read or last wrote; null for a grain never stored.</summary>
    public long? ExpectedVersion { get; } = expectedVersion;

    public IReadOnlyList<(int Partition, long Generation)> Fence { get; } = fence;

    public HistoryTrade[] Trades { get; } = trades;

    public IReadOnlyList<Candle> Candles { get; } = candles;

    /// <summary>Completes with the new version.</summary>
    public Task<long> Completion => _completion.Task;

    public void Succeed(long version) => _completion.TrySetResult(version);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
