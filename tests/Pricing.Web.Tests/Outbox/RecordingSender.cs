using Pricing.Web.Hubs;

namespace Pricing.Web.Tests.Outbox;

/// <summary>A fake client: records what is sent and, when blocked, holds every send like a client whose socket is full.</summary>
internal sealed class RecordingSender : IClientSender
{
    private readonly Lock _gate = new();
    private readonly List<(string Method, object Value)> _sent = [];
    private TaskCompletionSource? _blocked;
    private int _pending;

    public int PendingSends => Volatile.Read(ref _pending);

    public IReadOnlyList<(string Method, object Value)> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<Quote> Quotes => [.. Sent.Select(s => s.Value).OfType<Quote>()];

    public void Block() => _blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Unblock() => Interlocked.Exchange(ref _blocked, null)?.TrySetResult();

    public async Task SendAsync(string connectionId, string method, object value, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            if (_blocked is { } blocked)
            {
                await blocked.Task.WaitAsync(cancellationToken);
            }

            lock (_gate)
            {
                _sent.Add((method, value));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
