using System.Collections.Concurrent;

namespace Pricing.Runtime.Tests.Grains;

[GrainType("turn")]
internal sealed class TurnGrain(GrainProbe probe) : Grain, ITurnGrain
{
    private static readonly TimeSpan MeetingDeadline = TimeSpan.FromSeconds(5);

    private readonly int _instanceId = probe.NextInstanceId();

    // Concurrent collections and Interlocked: the grain must not rely on the very guarantee it checks.
    private readonly ConcurrentQueue<int> _sequences = new();
    private int _inTurn;
    private int _overlaps;

    public async ValueTask RecordAsync(int sequence)
    {
        EnterTurn();
        try
        {
            _sequences.Enqueue(sequence);
            await Task.Yield();
            await Task.Yield();
            await Task.Yield();
        }
        finally
        {
            ExitTurn();
        }
    }

    public ValueTask<TurnReport> GetReportAsync() =>
        ValueTask.FromResult(new TurnReport([.. _sequences], Volatile.Read(ref _overlaps), _instanceId));

    public async ValueTask HoldAsync(string blockerName)
    {
        EnterTurn();
        try
        {
            await probe.PassAsync(blockerName);
        }
        finally
        {
            ExitTurn();
        }
    }

    public async ValueTask MeetAsync(string me, string other)
    {
        probe.Arrive(me);
        await probe.ArrivalOf(other).WaitAsync(MeetingDeadline);
    }

    private void EnterTurn()
    {
        if (Interlocked.Increment(ref _inTurn) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
    }

    private void ExitTurn() => Interlocked.Decrement(ref _inTurn);
}
