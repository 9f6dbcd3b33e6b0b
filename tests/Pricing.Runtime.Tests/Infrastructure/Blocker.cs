namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>
/// A one-shot stop inside grain code: the grain reaches it (<see cref="Entered"/> completes) and
/// waits there until the test calls <see cref="Release"/>.
/// </summary>
internal sealed class Blocker
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public bool IsReleased => _released.Task.IsCompleted;

    public void Release() => _released.TrySetResult();

    /// <summary>Makes the waiting grain code throw instead of going on.</summary>
    public void Fail(Exception exception) => _released.TrySetException(exception);

    internal Task PassAsync()
    {
        _entered.TrySetResult();
        return _released.Task;
    }
}
