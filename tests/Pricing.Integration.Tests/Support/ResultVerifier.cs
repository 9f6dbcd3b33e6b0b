using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Pricing.Grains;
using Pricing.Simulator.Cli.Expected;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Holds the service's results against the simulator's expected file, exactly: per symbol the
/// statistics (count, volume, turnover, all-time VWAP, last price), every candle of every interval
/// (closed ones from the <c>candles</c> table, open ones from the statistics), the <c>trades</c>
/// table (one row per tick, trade ids 1..n, no input position twice), the dead letters (topic
/// and table hold exactly the malformed messages' positions) and <c>grain_state</c> (a row for
/// every symbol that traded and none other). Collects every mismatch, then fails with them.
/// </summary>
internal static class ResultVerifier
{
    private const int ShownMismatches = 60;

    public static async Task VerifyAsync(IsolatedCluster cluster, ExpectedResults expected, IReadOnlyList<SiloProcess> live)
    {
        var clock = Stopwatch.StartNew();
        var mismatches = new ConcurrentQueue<string>();
        var report = (string what) => mismatches.Enqueue(what);

        var trades = await TradeFactsAsync(cluster.Db);
        CheckTrades(expected, trades, report);
        await CheckTradeTableAsync(cluster, expected, report);
        await CheckGrainStateAsync(cluster.Db, expected, report);
        await CheckDeadLettersAsync(cluster, expected, report);

        var symbols = await live[0].Api.GetSymbolsAsync();
        var listed = symbols.Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in listed.Except(expected.Symbols.Keys).Order(StringComparer.Ordinal))
        {
            report($"/symbols lists {extra}, which has no good tick");
        }

        foreach (var missing in expected.Symbols.Keys.Except(listed).Order(StringComparer.Ordinal))
        {
            report($"/symbols does not list {missing}");
        }

        // Statistics come from the silo that owns the symbol's partition: its grain is the truth
        // (another silo would answer from the last-value cache, refreshed once a second).
        var owners = new Dictionary<int, SiloProcess>();
        foreach (var silo in live)
        {
            foreach (var partition in (await silo.GetStatusAsync()).Partitions)
            {
                owners[partition] = silo;
            }
        }

        var candles = await ClosedCandlesAsync(cluster.Db);
        await Parallel.ForEachAsync(
            expected.Symbols,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (entry, _) =>
            {
                var (symbol, want) = entry;
                var silo = trades.TryGetValue(symbol, out var fact) && owners.TryGetValue(fact.Partition, out var owner) ? owner : live[0];
                var stats = await silo.Api.GetStatsAsync(symbol);
                if (stats is null)
                {
                    var others = new List<string>();
                    foreach (var other in live.Where(l => l != silo))
                    {
                        var answer = await other.Api.GetStatsAsync(symbol);
                        others.Add($"{other.SiloId}: {(answer is null ? "404" : $"{answer.Quote.TradeCount} trades")}");
                    }

                    var where = fact is null ? "no trades" : $"partition {fact.Partition}";
                    var known = (await silo.Api.GetSymbolsAsync()).Any(s => s.Symbol == symbol) ? "listed" : "not listed";
                    report($"{symbol}: GET /symbols/{symbol}/stats on {silo.SiloId} is 404 ({where}; {known} in its /symbols; {(others.Count == 0 ? "no other silo" : string.Join(", ", others))}; {await cluster.DescribeRedisEntryAsync(symbol)})");
                    return;
                }

                CheckStats(symbol, want, stats, report);
                CheckCandles(symbol, want, stats, candles.GetValueOrDefault(symbol), report);
            });

        var all = mismatches.ToList();
        cluster.Log($"verified {expected.Symbols.Count:N0} symbols, {expected.TotalTicks:N0} ticks, {expected.BadMessages.Count} malformed messages in {clock.Elapsed.TotalSeconds:0.0} s: {all.Count} mismatches");
        if (all.Count > 0)
        {
            var shown = string.Join("\n  ", all.Order(StringComparer.Ordinal).Take(ShownMismatches));
            cluster.Log($"mismatches (first {Math.Min(all.Count, ShownMismatches)}):\n  {shown}");
            throw new Xunit.Sdk.XunitException(
                $"{all.Count} mismatches with the expected results (first {Math.Min(all.Count, ShownMismatches)}):\n  {shown}\nArtifacts (silo logs, expected results): {cluster.ArtifactsDirectory}");
        }
    }

    private static void CheckStats(string symbol, ExpectedSymbol want, SymbolStats stats, Action<string> report)
    {
        Same(symbol, "quote.tradeCount", want.Count, stats.Quote.TradeCount, report);
        Same(symbol, "quote.sequence", want.Count, stats.Quote.Sequence, report);
        Same(symbol, "quote.volume", want.Volume, stats.Quote.Volume, report);
        Same(symbol, "turnover", want.Turnover, stats.Turnover, report);
        Same(symbol, "vwapAllTime", want.Vwap, stats.VwapAllTime, report);
        Same(symbol, "quote.price (last price)", want.LastPrice, stats.Quote.Price, report);
    }

    private static void CheckCandles(string symbol, ExpectedSymbol want, SymbolStats stats, Dictionary<string, List<ExpectedCandle>>? closed, Action<string> report)
    {
        foreach (var (interval, wanted) in want.Candles)
        {
            var actual = new Dictionary<DateTimeOffset, ExpectedCandle>();
            foreach (var candle in closed?.GetValueOrDefault(interval) ?? [])
            {
                actual[candle.Start] = candle;
            }

            foreach (var open in stats.OpenCandles.Where(c => c.Interval == interval))
            {
                if (actual.ContainsKey(open.Start))
                {
                    report($"{symbol} {interval} {Stamp(open.Start)}: open in the stats and closed in the candles table");
                }

                actual[open.Start] = new ExpectedCandle
                {
                    Start = open.Start,
                    Open = open.Open,
                    High = open.High,
                    Low = open.Low,
                    Close = open.Close,
                    Volume = open.Volume,
                    Turnover = open.Turnover,
                    TradeCount = open.TradeCount,
                };
            }

            foreach (var candle in wanted)
            {
                if (!actual.Remove(candle.Start, out var got))
                {
                    report($"{symbol} {interval} {Stamp(candle.Start)}: candle missing (expected {candle.TradeCount} trades)");
                    continue;
                }

                var what = $"{interval} {Stamp(candle.Start)}";
                Same(symbol, $"{what} open", candle.Open, got.Open, report);
                Same(symbol, $"{what} high", candle.High, got.High, report);
                Same(symbol, $"{what} low", candle.Low, got.Low, report);
                Same(symbol, $"{what} close", candle.Close, got.Close, report);
                Same(symbol, $"{what} volume", candle.Volume, got.Volume, report);
                Same(symbol, $"{what} turnover", candle.Turnover, got.Turnover, report);
                Same(symbol, $"{what} tradeCount", candle.TradeCount, got.TradeCount, report);
            }

            foreach (var extra in actual.Values)
            {
                report($"{symbol} {interval} {Stamp(extra.Start)}: unexpected candle with {extra.TradeCount} trades");
            }
        }
    }

    private static void CheckTrades(ExpectedResults expected, Dictionary<string, TradeFacts> trades, Action<string> report)
    {
        foreach (var (symbol, want) in expected.Symbols)
        {
            if (!trades.TryGetValue(symbol, out var got))
            {
                report($"{symbol}: no rows in the trades table (expected {want.Count})");
                continue;
            }

            Same(symbol, "trades rows", want.Count, got.Count, report);
            Same(symbol, "trades min(trade_id)", 1L, got.MinTradeId, report);
            Same(symbol, "trades max(trade_id)", want.Count, got.MaxTradeId, report);
            Same(symbol, "trades sum(size)", want.Volume, got.Volume, report);
            Same(symbol, "trades sum(price * size)", want.Turnover, got.Turnover, report);
            if (got.Partitions != 1)
            {
                report($"{symbol}: trades from {got.Partitions} partitions (a symbol is one key, so one partition)");
            }
        }

        foreach (var extra in trades.Keys.Except(expected.Symbols.Keys).Order(StringComparer.Ordinal))
        {
            report($"{extra}: {trades[extra].Count} rows in the trades table, but no good tick was produced");
        }
    }

    private static async Task CheckTradeTableAsync(IsolatedCluster cluster, ExpectedResults expected, Action<string> report)
    {
        var total = await Drain.CountTradesAsync(cluster.Db);
        if (total != expected.TotalTicks)
        {
            report($"trades table: {total:N0} rows, expected one per tick: {expected.TotalTicks:N0}");
        }

        await using (var duplicates = cluster.Db.CreateCommand("select count(*) from (select 1 from trades group by topic, partition, \"offset\" having count(*) > 1) d"))
        {
            var count = (long)(await duplicates.ExecuteScalarAsync())!;
            if (count > 0)
            {
                report($"trades table: {count} input positions (topic, partition, offset) appear more than once");
            }
        }

        await using (var foreign = cluster.Db.CreateCommand("select count(*) from trades where topic <> $1"))
        {
            foreign.Parameters.Add(new() { Value = cluster.Topic });
            var count = (long)(await foreign.ExecuteScalarAsync())!;
            if (count > 0)
            {
                report($"trades table: {count} rows name a topic other than {cluster.Topic}");
            }
        }

        await using var bad = cluster.Db.CreateCommand("select partition, \"offset\" from trades where (partition, \"offset\") in (select * from unnest($1::int[], $2::bigint[]))");
        bad.Parameters.Add(new() { Value = expected.BadMessages.Select(b => b.Partition).ToArray() });
        bad.Parameters.Add(new() { Value = expected.BadMessages.Select(b => b.Offset).ToArray() });
        await using var reader = await bad.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            report($"trades table: a trade from malformed message {reader.GetInt32(0)}/{reader.GetInt64(1)}");
        }
    }

    private static async Task CheckGrainStateAsync(NpgsqlDataSource db, ExpectedResults expected, Action<string> report)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand("select grain_key from grain_state where grain_type = 'symbol'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        foreach (var extra in stored.Except(expected.Symbols.Keys).Order(StringComparer.Ordinal))
        {
            report($"grain_state has a row for {extra}, which has no good tick");
        }

        foreach (var missing in expected.Symbols.Keys.Except(stored).Order(StringComparer.Ordinal))
        {
            report($"grain_state has no row for {missing}");
        }
    }

    private static async Task CheckDeadLettersAsync(IsolatedCluster cluster, ExpectedResults expected, Action<string> report)
    {
        var want = expected.BadMessages.Select(b => $"{cluster.Topic}/{b.Partition}/{b.Offset}").ToHashSet(StringComparer.Ordinal);

        var keys = KafkaTopics.ReadAllKeys(cluster.Servers, cluster.DeadLetterTopic, TimeSpan.FromSeconds(30));
        var distinct = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var missing in want.Except(distinct).Order(StringComparer.Ordinal))
        {
            report($"dead-letter topic: no message for {missing}");
        }

        foreach (var extra in distinct.Except(want).Order(StringComparer.Ordinal))
        {
            report($"dead-letter topic: message {extra} is not a malformed message");
        }

        cluster.Log($"dead-letter topic: {keys.Count} messages, {distinct.Count} distinct positions, {want.Count} expected");

        var recorded = new HashSet<string>(StringComparer.Ordinal);
        await using var command = cluster.Db.CreateCommand("select topic, partition, \"offset\", sent from dead_letters");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var position = $"{reader.GetString(0)}/{reader.GetInt32(1)}/{reader.GetInt64(2)}";
            recorded.Add(position);
            if (!reader.GetBoolean(3))
            {
                report($"dead_letters: {position} is not marked sent");
            }
        }

        foreach (var missing in want.Except(recorded).Order(StringComparer.Ordinal))
        {
            report($"dead_letters: no row for {missing}");
        }

        foreach (var extra in recorded.Except(want).Order(StringComparer.Ordinal))
        {
            report($"dead_letters: row {extra} is not a malformed message");
        }
    }

    private static async Task<Dictionary<string, TradeFacts>> TradeFactsAsync(NpgsqlDataSource db)
    {
        var facts = new Dictionary<string, TradeFacts>(StringComparer.Ordinal);
        await using var command = db.CreateCommand(
            """
            select symbol, count(*), min(trade_id), max(trade_id), sum(size), sum(price * size), min(partition), count(distinct partition)
            from trades group by symbol
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            facts[reader.GetString(0)] = new TradeFacts(
                reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDecimal(4), reader.GetDecimal(5), reader.GetInt32(6), reader.GetInt64(7));
        }

        return facts;
    }

    private static async Task<Dictionary<string, Dictionary<string, List<ExpectedCandle>>>> ClosedCandlesAsync(NpgsqlDataSource db)
    {
        var candles = new Dictionary<string, Dictionary<string, List<ExpectedCandle>>>(StringComparer.Ordinal);
        await using var command = db.CreateCommand("select symbol, interval, start, open, high, low, close, volume, turnover, trade_count from candles");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var symbol = reader.GetString(0);
            if (!candles.TryGetValue(symbol, out var byInterval))
            {
                byInterval = new Dictionary<string, List<ExpectedCandle>>(StringComparer.Ordinal);
                candles[symbol] = byInterval;
            }

            var interval = reader.GetString(1);
            if (!byInterval.TryGetValue(interval, out var list))
            {
                list = [];
                byInterval[interval] = list;
            }

            list.Add(new ExpectedCandle
            {
                Start = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)),
                Open = reader.GetDecimal(3),
                High = reader.GetDecimal(4),
                Low = reader.GetDecimal(5),
                Close = reader.GetDecimal(6),
                Volume = reader.GetDecimal(7),
                Turnover = reader.GetDecimal(8),
                TradeCount = reader.GetInt64(9),
            });
        }

        return candles;
    }

    private static void Same<T>(string symbol, string what, T expected, T actual, Action<string> report)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            report(string.Create(CultureInfo.InvariantCulture, $"{symbol} {what}: expected {expected}, got {actual}"));
        }
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed record TradeFacts(long Count, long MinTradeId, long MaxTradeId, decimal Volume, decimal Turnover, int Partition, long Partitions);
}
