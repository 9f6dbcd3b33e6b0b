namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline instead of sleeping for a fixed time.</summary>
internal static class Eventually
{
    /// <summary>Generous: it bounds a failing test, a passing one returns as soon as the condition holds.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan? deadline = null, string? because = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds:0.#} s{(because is null ? "" : ": " + because)}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Moves a manual clock by <paramref name="step"/> until the condition holds.</summary>
    public static Task AdvanceUntilAsync(ManualTimeProvider time, TimeSpan step, Func<bool> condition, TimeSpan? deadline = null, string? because = null) =>
        TrueAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            time.Advance(step);
            return condition();
        }, deadline, because);

    /// <summary>Awaits a task with a deadline, failing the test rather than hanging it.</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan? deadline = null) => task.WaitAsync(deadline ?? DefaultDeadline);

    public static Task Within(this Task task, TimeSpan? deadline = null) => task.WaitAsync(deadline ?? DefaultDeadline);

    public static Task<T> Within<T>(this ValueTask<T> task, TimeSpan? deadline = null) => task.AsTask().Within(deadline);

    public static Task Within(this ValueTask task, TimeSpan? deadline = null) => task.AsTask().Within(deadline);
}
