namespace Pricing.Silo.Tests.Support;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<bool> condition, Func<string> because, TimeSpan? timeout = null)
    {
        await ValueAsync(() => Task.FromResult(condition()), ok => ok, because, timeout);
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(condition, () => because, timeout);

    /// <summary>Polls <paramref name="read"/> until <paramref name="accept"/> holds, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, Func<string> because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (accept(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting until {because()}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string because, TimeSpan? timeout = null) =>
        ValueAsync(read, accept, () => because, timeout);

    /// <summary>Awaits <paramref name="task"/>, failing the test if it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, string because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting until {because}.");
            throw;
        }
    }
}
