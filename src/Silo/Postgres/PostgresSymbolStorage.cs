using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using Pricing.Grains;
using Pricing.Grains.Symbol;
using Pricing.Runtime;
using Pricing.Silo.Cluster;

namespace Pricing.Silo.Postgres;

/// <summary>
/// Symbol grain storage in PostgreSQL. A write stores the encoded state (its applied offsets
/// inside) and the history produced since the last write — trades and closed candles — in one
/// transaction, so history holds a trade exactly when the stored state has applied it. The
/// version is the ETag, and the write is fenced: it commits only while this silo still owns
/// the state's partitions with the generation it claimed. Writes arriving together share one
/// transaction (group commit), so a thousand grains flushing cost a handful of round trips.
/// </summary>
internal sealed partial class PostgresSymbolStorage : IGrainStorage, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainStateCodec<SymbolState> _codec;
    private readonly PartitionOwnership _ownership;
    private readonly SiloIdentity _silo;
    private readonly PostgresOptions _options;
    private readonly ILogger<PostgresSymbolStorage> _logger;
    private readonly Channel<PendingStateWrite> _pending = Channel.CreateUnbounded<PendingStateWrite>(new() { SingleReader = true });
    private readonly Task _writer;

    public PostgresSymbolStorage(
        NpgsqlDataSource dataSource,
        IGrainStateCodec<SymbolState> codec,
        PartitionOwnership ownership,
        SiloIdentity silo,
        IOptions<PostgresOptions> options,
        ILogger<PostgresSymbolStorage> logger)
    {
        _dataSource = dataSource;
        _codec = codec;
        _ownership = ownership;
        _silo = silo;
        _options = options.Value;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = _dataSource.CreateCommand("select version, state from grain_state where grain_type = $1 and grain_key = $2");
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.State = (T)(object)_codec.Decode(reader.GetFieldValue<byte[]>(1));
            grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is not SymbolState state)
        {
            throw new NotSupportedException($"{nameof(PostgresSymbolStorage)} stores symbol state only, not {typeof(T).Name}.");
        }

        // The grain is inside its turn until this returns, so the outbox cannot grow meanwhile.
        var write = new PendingStateWrite(
            grainId,
            _codec.Encode(state),
            grainState.ETag is null ? null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture),
            [.. state.AppliedOffsets.Keys.Select(p => (p, _ownership.GenerationOf(p)))],
            [.. state.Outbox.Trades],
            state.Outbox.Candles(grainId.Key));
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(write), this);

        var version = await write.Completion;
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        state.Outbox.Clear();
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = _dataSource.CreateCommand("delete from grain_state where grain_type = $1 and grain_key = $2 and version = $3");
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        command.Parameters.Add(new() { Value = grainState.ETag is null ? -1L : long.Parse(grainState.ETag, CultureInfo.InvariantCulture) });
        if (await command.ExecuteNonQueryAsync() == 0 && grainState.ETag is not null)
        {
            throw new InconsistentStateException($"Version conflict clearing {grainId}", null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingStateWrite>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            if (_options.WriteBatchWindow > TimeSpan.Zero)
            {
                // Let the writes of grains flushing together arrive, then commit them at once.
                await Task.Delay(_options.WriteBatchWindow);
            }

            while (batch.Count < _options.MaxWritesPerTransaction && _pending.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                await PostgresStateBatch.CommitAsync(_dataSource, batch, _ownership.Topic, _silo.Id);
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, batch.Count);
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} grain states failed; the grains keep their changes and retry")]
    private partial void LogBatchFailed(Exception exception, int count);
}
