using Npgsql;
using Pricing.Grains;

namespace Pricing.Silo.Postgres;

/// <summary>Reads trades and closed candles from PostgreSQL, newest first, by cursor (trade id; candle start) so pages stay stable while rows arrive.</summary>
internal sealed class PostgresSymbolHistoryStore(NpgsqlDataSource dataSource) : ISymbolHistoryStore
{
    public async Task<IReadOnlyList<Trade>> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken)
    {
        var trades = await GetRecentHistoryTradesAsync(symbol, limit, beforeTradeId, cancellationToken);
        return [.. trades.Select(t => t.ToTrade(symbol))];
    }

    public Task<IReadOnlyList<HistoryTrade>> GetRecentHistoryTradesAsync(string symbol, int limit, CancellationToken cancellationToken) =>
        GetRecentHistoryTradesAsync(symbol, limit, null, cancellationToken);

    public async Task<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select start, open, high, low, close, volume, turnover, trade_count, revision, first_trade_ticks, last_trade_ticks
            from candles where symbol = $1 and interval = $2 and start < $3 order by start desc limit $4
            """);
        command.Parameters.Add(new() { Value = symbol });
        command.Parameters.Add(new() { Value = interval.ToName() });
        command.Parameters.Add(new() { Value = (before ?? DateTimeOffset.MaxValue).UtcDateTime });
        command.Parameters.Add(new() { Value = limit });
        var length = interval.ToTimeSpan();
        var candles = new List<Candle>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero);
            var volume = reader.GetDecimal(5);
            var turnover = reader.GetDecimal(6);
            var close = reader.GetDecimal(4);
            candles.Add(new Candle(
                symbol,
                interval.ToName(),
                start,
                start + length,
                reader.GetDecimal(1),
                reader.GetDecimal(2),
                reader.GetDecimal(3),
                close,
                volume,
                turnover,
                volume > 0 ? turnover / volume : close,
                reader.GetInt64(7),
                Closed: true,
                reader.GetInt32(8),
                new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero)));
        }

        return candles;
    }

    private async Task<IReadOnlyList<HistoryTrade>> GetRecentHistoryTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select trade_id, price, size, ts_ticks, partition, "offset"
            from trades where symbol = $1 and trade_id < $2 order by trade_id desc limit $3
            """);
        command.Parameters.Add(new() { Value = symbol });
        command.Parameters.Add(new() { Value = beforeTradeId ?? long.MaxValue });
        command.Parameters.Add(new() { Value = limit });
        var trades = new List<HistoryTrade>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            trades.Add(new HistoryTrade(reader.GetInt64(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return trades;
    }
}
