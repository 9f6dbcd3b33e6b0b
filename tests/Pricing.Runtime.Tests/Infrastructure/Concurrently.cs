namespace Pricing.Runtime.Tests.Infrastructure;

internal static class Concurrently
{
    /// <summary>
    /// Starts <paramref name="count"/> calls on thread-pool threads, all held at one gate until every
    /// one of them is waiting there, then released together. Returns the running calls.
    /// </summary>
    public static async Task<Task<T>[]> StartAsync<T>(int count, Func<int, ValueTask<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var calls = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                Interlocked.Increment(ref waiting);
                await gate.Task;
                return await call(i);
            }))
            .ToArray();
        await Eventually.TrueAsync(() => Volatile.Read(ref waiting) == count, because: "all callers waiting at the gate");
        gate.SetResult();
        return calls;
    }
}
