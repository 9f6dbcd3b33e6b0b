using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pricing.Web.Hubs;

/// <summary>
/// A connection's conflating outbox: the latest pending value per subscribed symbol (and the
/// market summary), sent by one loop, each key at most once per interval.
/// </summary>
/// <remarks>
/// Publishers (grains, through the relay) only swap a slot's pending value and, when the slot was
/// idle, put it on the ready queue; they never wait for the client. The loop owns everything
/// else: it sends a ready slot at once if its last send is an interval old, otherwise parks it in
/// a timer heap until it is. A slow client therefore only slows its own loop, and while it waits
/// newer values replace older ones in place, so it gets fresh values rather than a backlog.
/// Memory is one slot per key, whatever the update rate.
/// </remarks>
internal sealed partial class ConnectionOutbox : IAsyncDisposable
{
    private readonly IClientSender _sender;
    private readonly TimeProvider _time;
    private readonly MarketHubMetrics _metrics;
    private readonly ILogger _logger;
    private readonly long _interval;
    // Writers never run the loop inline (no synchronous continuations), so a publisher's
    // TryWrite returns at once. Not SingleReader: that variant cannot count, and tests check the bound.
    private readonly Channel<OutboxSlot> _ready = Channel.CreateUnbounded<OutboxSlot>();
    private readonly PriorityQueue<OutboxSlot, long> _waiting = new(); // the loop's alone
    private readonly OutboxSlot _wake;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OutboxSlot<Quote>> _quotes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private OutboxSlot<MarketSummary>? _summary;
    private TaskCompletionSource? _idleWaiter;

    public ConnectionOutbox(string connectionId, IClientSender sender, TimeProvider time, TimeSpan interval, MarketHubMetrics metrics, ILogger logger)
    {
        ConnectionId = connectionId;
        _sender = sender;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _interval = Math.Max(1, (long)(interval.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)));
        _wake = new WakeSlot(this);
        _timer = time.CreateTimer(static state => ((ConnectionOutbox)state!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    public string ConnectionId { get; }

    public int SymbolCount
    {
        get
        {
            lock (_gate)
            {
                return _quotes.Count;
            }
        }
    }

    /// <summary>Slots waiting on the ready queue (at most one entry per slot, plus wake-ups).</summary>
    internal int ReadyCount => _ready.Reader.Count;

    /// <summary>A timestamp one interval from now: how long a fresh subscription holds its first update.</summary>
    public long HoldUntil() => _time.GetTimestamp() + _interval;

    /// <summary>
    /// Adds slots for <paramref name="symbols"/> (distinct, normalised), keeping existing ones.
    /// False, and nothing added, if the connection would exceed <paramref name="maxSymbols"/>.
    /// </summary>
    public bool TryAddSymbols(IReadOnlyList<string> symbols, int maxSymbols, out OutboxSlot<Quote>[] slots, out List<OutboxSlot<Quote>> added)
    {
        slots = new OutboxSlot<Quote>[symbols.Count];
        added = [];
        lock (_gate)
        {
            var missing = symbols.Count(symbol => !_quotes.ContainsKey(symbol));
            if (_quotes.Count + missing > maxSymbols)
            {
                return false;
            }

            for (var i = 0; i < symbols.Count; i++)
            {
                if (!_quotes.TryGetValue(symbols[i], out var slot))
                {
                    slot = new OutboxSlot<Quote>(this, symbols[i], MarketHubMethods.Quote, static quote => quote.Sequence);
                    _quotes.Add(symbols[i], slot);
                    added.Add(slot);
                }

                slots[i] = slot;
            }
        }

        return true;
    }

    /// <summary>Removes the slots of <paramref name="symbols"/>; their pending values are dropped.</summary>
    public List<OutboxSlot<Quote>> RemoveSymbols(IEnumerable<string> symbols)
    {
        var removed = new List<OutboxSlot<Quote>>();
        lock (_gate)
        {
            foreach (var symbol in symbols)
            {
                if (_quotes.Remove(symbol, out var slot))
                {
                    slot.Remove();
                    removed.Add(slot);
                }
            }
        }

        return removed;
    }

    /// <summary>Removes exactly these slots (rolling back a failed subscribe) unless they were replaced meanwhile.</summary>
    public void RemoveSlots(IEnumerable<OutboxSlot<Quote>> slots)
    {
        lock (_gate)
        {
            foreach (var slot in slots)
            {
                if (_quotes.TryGetValue(slot.Key, out var current) && ReferenceEquals(current, slot))
                {
                    _quotes.Remove(slot.Key);
                }

                slot.Remove();
            }
        }
    }

    /// <summary>The summary slot, created on first use; the bool says whether it is new.</summary>
    public (OutboxSlot<MarketSummary> Slot, bool Added) GetOrAddSummary()
    {
        lock (_gate)
        {
            if (_summary is not null)
            {
                return (_summary, false);
            }

            _summary = new OutboxSlot<MarketSummary>(this, "summary", MarketHubMethods.Summary, static summary => summary.AsOf.UtcTicks);
            return (_summary, true);
        }
    }

    public OutboxSlot<MarketSummary>? RemoveSummary()
    {
        lock (_gate)
        {
            var slot = _summary;
            _summary = null;
            slot?.Remove();
            return slot;
        }
    }

    /// <summary>Removes every slot, for a connection that has gone.</summary>
    public (List<OutboxSlot<Quote>> Quotes, OutboxSlot<MarketSummary>? Summary) RemoveAll()
    {
        lock (_gate)
        {
            var quotes = _quotes.Values.ToList();
            _quotes.Clear();
            foreach (var slot in quotes)
            {
                slot.Remove();
            }

            var summary = _summary;
            _summary = null;
            summary?.Remove();
            return (quotes, summary);
        }
    }

    /// <summary>Publisher side: hands an idle slot with a new value to the loop.</summary>
    public void Schedule(OutboxSlot slot)
    {
        if (slot.TrySchedule())
        {
            _ready.Writer.TryWrite(slot);
        }
    }

    public void OnConflated(OutboxSlot slot)
    {
        if (slot.Method == MarketHubMethods.Quote)
        {
            _metrics.QuoteConflated();
        }
    }

    /// <summary>
    /// Test hook: completes once the loop has nothing ready and waits (every due value sent,
    /// the rest parked until their interval has passed).
    /// </summary>
    internal Task WhenIdleAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idleWaiter, waiter);
        Wake();
        return waiter.Task;
    }

    /// <summary>Stops the loop; a send in progress is cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        RemoveAll();
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _ready.Writer.TryComplete();
        await _loop;
        await _timer.DisposeAsync();
        _stopping.Dispose();
    }

    private void Wake() => _ready.Writer.TryWrite(_wake);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _ready.Reader;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // One parked slot that is due, then one ready slot: neither kind starves the other.
                var worked = false;
                if (_waiting.TryPeek(out var parked, out var due) && due <= _time.GetTimestamp())
                {
                    _waiting.Dequeue();
                    await ProcessAsync(parked, cancellationToken);
                    worked = true;
                }

                if (reader.TryRead(out var ready))
                {
                    await ProcessAsync(ready, cancellationToken);
                    worked = true;
                }

                if (worked)
                {
                    continue;
                }

                if (_waiting.TryPeek(out _, out var next))
                {
                    _timer.Change(_time.GetElapsedTime(_time.GetTimestamp(), next), Timeout.InfiniteTimeSpan);
                }

                SignalIdle(reader);
                if (!await reader.WaitToReadAsync(cancellationToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disconnected.
        }
        catch (Exception exception)
        {
            LogLoopFailed(ConnectionId, exception);
        }
    }

    private void SignalIdle(ChannelReader<OutboxSlot> reader)
    {
        // A waiter registered after an Offer must not be released before that Offer's slot is
        // seen, hence the second look at the queue after reading the waiter.
        var waiter = Volatile.Read(ref _idleWaiter);
        if (waiter is not null && !reader.TryPeek(out _))
        {
            Interlocked.CompareExchange(ref _idleWaiter, null, waiter);
            waiter.TrySetResult();
        }
    }

    private async ValueTask ProcessAsync(OutboxSlot slot, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(slot, _wake) || slot.IsRemoved)
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (!slot.IsArmed)
        {
            // Its snapshot is still being read; look again in an interval.
            _waiting.Enqueue(slot, now + _interval);
            return;
        }

        var nextSendAt = slot.NextSendAt;
        if (now < nextSendAt)
        {
            _waiting.Enqueue(slot, nextSendAt);
            return;
        }

        slot.Unschedule();
        if (!slot.TryTake(out var value, out var version))
        {
            return;
        }

        slot.MarkSent(version, now + _interval);
        try
        {
            await _sender.SendAsync(ConnectionId, slot.Method, value!, cancellationToken);
            if (slot.Method == MarketHubMethods.Quote)
            {
                _metrics.QuoteSent();
            }
            else
            {
                _metrics.SummarySent();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogSendFailed(ConnectionId, slot.Key, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Key} to connection {ConnectionId} failed")]
    private partial void LogSendFailed(string connectionId, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop of connection {ConnectionId} failed; the connection gets no more updates")]
    private partial void LogLoopFailed(string connectionId, Exception exception);

    /// <summary>A marker on the ready queue that only wakes the loop (timer, test hook).</summary>
    private sealed class WakeSlot(ConnectionOutbox outbox) : OutboxSlot(outbox, "wake", "wake")
    {
        public override bool TryTake(out object? value, out long version)
        {
            value = null;
            version = 0;
            return false;
        }
    }
}
