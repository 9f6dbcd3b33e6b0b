using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Pricing.Grains.Symbol;
using Pricing.Runtime;
using Pricing.Silo.Cluster;

namespace Pricing.Silo.Postgres;

/// <summary>
/// Symbol grain storage in PostgreSQL, written behind. A grain's write encodes its state and
/// hands it over with the history produced since (trades, closed candles), then returns: the
/// grain's turn never waits on the database. A writer loop commits everything handed over in one
/// transaction at a time (group commit): state with its applied offsets, trades and candles
/// together, so history holds a trade exactly when the stored state has applied it. Each write
/// is versioned and fenced: it commits only while this silo still owns the state's partitions
/// with the generation it claimed. A refused write is reported for its partitions (see
/// <see cref="IsRejected"/>) and thrown at the grain's next write, which deactivates it without
/// writing. The ingest awaits <see cref="WhenDurableAsync"/> before it advances a checkpoint.
/// </summary>
internal sealed partial class PostgresSymbolStorage : IGrainStorage, IDurableStateStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainStateCodec<SymbolState> _codec;
    private readonly PartitionOwnership _ownership;
    private readonly SiloIdentity _silo;
    private readonly PostgresOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresSymbolStorage> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, long> _storedVersions = [];
    private readonly Dictionary<GrainId, string> _refusedGrains = [];
    private readonly HashSet<int> _refusedPartitions = [];
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private Dictionary<GrainId, PendingStateWrite> _pending = [];
    private Dictionary<GrainId, PendingStateWrite> _inFlight = [];
    private long _handedOver;
    private long _stored;
    private int _disposed;

    public PostgresSymbolStorage(
        NpgsqlDataSource dataSource,
        IGrainStateCodec<SymbolState> codec,
        PartitionOwnership ownership,
        SiloIdentity silo,
        IOptions<PostgresOptions> options,
        TimeProvider time,
        ILogger<PostgresSymbolStorage> logger)
    {
        _dataSource = dataSource;
        _codec = codec;
        _ownership = ownership;
        _silo = silo;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (HasUnstoredWrite(grainId))
        {
            // A deactivated activation's last write may still be on its way; read what it wrote.
            await WhenDurableAsync(CancellationToken.None);
        }

        await using var command = _dataSource.CreateCommand("select version, state from grain_state where grain_type = $1 and grain_key = $2");
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        await using var reader = await command.ExecuteReaderAsync();
        var found = await reader.ReadAsync();
        var version = found ? reader.GetInt64(0) : 0;
        grainState.State = found ? (T)(object)_codec.Decode(reader.GetFieldValue<byte[]>(1)) : grainState.State;
        grainState.ETag = found ? version.ToString(CultureInfo.InvariantCulture) : null;
        grainState.RecordExists = found;
        lock (_lock)
        {
            _refusedGrains.Remove(grainId);
            if (found)
            {
                _storedVersions[grainId] = version;
            }
            else
            {
                _storedVersions.Remove(grainId);
            }
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is not SymbolState state)
        {
            throw new NotSupportedException($"{nameof(PostgresSymbolStorage)} stores symbol state only, not {typeof(T).Name}.");
        }

        var encoded = _codec.Encode(state);
        var fence = state.AppliedOffsets.Keys.Select(p => (p, _ownership.GenerationOf(p))).ToList();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (_refusedGrains.Remove(grainId, out var reason))
            {
                throw new InconsistentStateException($"State of {grainId} was not written: {reason}");
            }

            if (!_pending.TryGetValue(grainId, out var write))
            {
                write = new PendingStateWrite(grainId);
                _pending[grainId] = write;
            }

            write.Merge(encoded, fence, state.Outbox.Trades, state.Outbox.Candles(grainId.Key), ++_handedOver);
        }

        // Handed over: the grain's outbox starts afresh, and its ETag says the record will exist.
        state.Outbox.Clear();
        grainState.RecordExists = true;
        _wake.Release();
        return Task.CompletedTask;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WhenDurableAsync(CancellationToken.None);
        await using var command = _dataSource.CreateCommand("delete from grain_state where grain_type = $1 and grain_key = $2");
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        await command.ExecuteNonQueryAsync();
        lock (_lock)
        {
            _storedVersions.Remove(grainId);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public Task WhenDurableAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_stored >= _handedOver)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_handedOver, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public bool IsRejected(int partition)
    {
        lock (_lock)
        {
            return _refusedPartitions.Contains(partition);
        }
    }

    public void ResetRejections(int partition)
    {
        lock (_lock)
        {
            _refusedPartitions.Remove(partition);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, so the container disposes it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Let what was handed over reach the database, within reason, then stop.
        try
        {
            await WhenDurableAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), _time);
        }
        catch (Exception ex)
        {
            LogUnstoredAtStop(ex);
        }

        await _stopping.CancelAsync();
        _wake.Release();
        await _writer;
        _stopping.Dispose();
        _wake.Dispose();
    }

    private bool HasUnstoredWrite(GrainId grainId)
    {
        lock (_lock)
        {
            return _pending.ContainsKey(grainId) || _inFlight.ContainsKey(grainId);
        }
    }

    private async Task WriteLoopAsync()
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_stopping.Token);
                if (_options.WriteBatchWindow > TimeSpan.Zero)
                {
                    // Let the writes of grains flushing together arrive, then commit them at once.
                    await Task.Delay(_options.WriteBatchWindow, _time, _stopping.Token);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_lock)
            {
                (_inFlight, _pending) = (_pending, []);
                foreach (var write in _inFlight.Values)
                {
                    // A grain's previous write has completed by now: its outcome is the version this one replaces.
                    write.ExpectedVersion = _storedVersions.TryGetValue(write.GrainId, out var version) ? version : null;
                }
            }

            if (_inFlight.Count == 0)
            {
                continue;
            }

            try
            {
                var outcome = await PostgresStateBatch.CommitAsync(_dataSource, _inFlight.Values, _ownership.Topic, _silo.Id);
                Stored(outcome);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, _inFlight.Count, backoff);
                Failed(ex);
                try
                {
                    await Task.Delay(backoff, _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                _wake.Release();
            }
        }
    }

    private void Stored(PostgresStateBatch.BatchOutcome outcome)
    {
        List<TaskCompletionSource> done;
        lock (_lock)
        {
            foreach (var (write, version) in outcome.Stored)
            {
                _storedVersions[write.GrainId] = version;
            }

            foreach (var (write, reason) in outcome.Refused)
            {
                _refusedGrains[write.GrainId] = reason;
                _refusedPartitions.UnionWith(write.Fence.Select(f => f.Partition));
                LogRefused(write.GrainId.ToString(), reason);
            }

            _stored = Math.Max(_stored, _inFlight.Values.Max(w => w.Sequence));
            _inFlight = [];
            done = TakeWaiters(w => w.Sequence <= _stored);
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    private void Failed(Exception exception)
    {
        List<TaskCompletionSource> failed;
        lock (_lock)
        {
            // Nothing of the batch is stored: put it back in front of what was handed over since.
            foreach (var (grainId, write) in _inFlight)
            {
                if (_pending.TryGetValue(grainId, out var later))
                {
                    later.FollowFailed(write);
                }
                else
                {
                    _pending[grainId] = write;
                }
            }

            _inFlight = [];
            failed = TakeWaiters(_ => true);
        }

        foreach (var waiter in failed)
        {
            waiter.TrySetException(new InvalidOperationException("Writing grain state to PostgreSQL failed; it is retried.", exception));
        }
    }

    private List<TaskCompletionSource> TakeWaiters(Func<(long Sequence, TaskCompletionSource Done), bool> which)
    {
        var taken = _waiters.Where(which).Select(w => w.Done).ToList();
        _waiters.RemoveAll(w => which(w));
        return taken;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} grain states failed; retrying in {Backoff}")]
    private partial void LogBatchFailed(Exception exception, int count, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State of {GrainId} was not written: {Reason}")]
    private partial void LogRefused(string grainId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with grain state not yet in PostgreSQL; the next owner replays it from the last checkpoint")]
    private partial void LogUnstoredAtStop(Exception exception);
}
