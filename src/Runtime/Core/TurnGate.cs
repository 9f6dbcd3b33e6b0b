namespace Pricing.Runtime.Core;

/// <summary>
/// A first-in, first-out async mutex: one turn holds it, later callers queue in arrival order.
/// SemaphoreSlim does not promise FIFO order for waiters, and the runtime promises that calls
/// are taken in the order they arrive, so this small gate is ours. Entering an idle gate
/// allocates nothing.
/// </summary>
internal sealed class TurnGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private bool _held;

    /// <summary>Callers waiting for the gate (the activation's mailbox depth).</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count;
            }
        }
    }

    public ValueTask EnterAsync()
    {
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return ValueTask.CompletedTask;
            }

            // Continuations run asynchronously so that Exit never runs the next turn inline.
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            return new ValueTask(waiter.Task);
        }
    }

    /// <summary>Enters only if no turn holds the gate (and so nobody waits): never queues.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_held)
            {
                return false;
            }

            _held = true;
            return true;
        }
    }

    /// <summary>Hands the gate to the next waiter, or frees it.</summary>
    public void Exit()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_waiters.TryDequeue(out next))
            {
                _held = false;
                return;
            }
        }

        next.SetResult();
    }
}
