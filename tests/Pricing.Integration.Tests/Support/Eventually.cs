using System.Diagnostics;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Waits for a condition with a deadline instead of sleeping a fixed time. A failed read counts as
/// "not yet" (a server may be restarting); on timeout the failure says what was last seen.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls <paramref name="read"/> until <paramref name="accept"/> holds and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(
        string what,
        TimeSpan timeout,
        Func<Task<T>> read,
        Func<T, bool> accept,
        Func<T, string>? describe = null,
        TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        var last = "nothing read yet";
        while (true)
        {
            try
            {
                var value = await read();
                if (accept(value))
                {
                    return value;
                }

                last = describe?.Invoke(value) ?? value?.ToString() ?? "null";
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = $"{ex.GetType().Name}: {ex.Message}";
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {what}; last seen: {last}");
            }

            await Task.Delay(poll ?? DefaultPoll);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> returns true.</summary>
    public static Task UntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition, TimeSpan? poll = null) =>
        ValueAsync(what, timeout, condition, ok => ok, ok => ok ? "true" : "false", poll);

    /// <summary>Polls a condition that explains itself: null when it holds, else what is still missing.</summary>
    public static Task UntilNothingMissingAsync(string what, TimeSpan timeout, Func<Task<string?>> missing, TimeSpan? poll = null) =>
        ValueAsync(what, timeout, missing, m => m is null, m => m ?? string.Empty, poll);
}
