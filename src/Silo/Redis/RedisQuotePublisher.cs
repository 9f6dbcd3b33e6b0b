using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.ReadModel;
using StackExchange.Redis;

namespace Pricing.Silo.Redis;

/// <summary>
/// Writes this silo's quotes to Redis: the last-value hash of each symbol and the shared quote
/// channel that every silo's hub relays. Quotes are coalesced per symbol between writes (the
/// latest wins), so a burst costs one write per symbol and a Redis outage holds one quote per
/// symbol, not a backlog; the grains never wait. Full statistics of changed symbols are
/// refreshed in the hash at a slower pace, for reads on silos that do not own the symbol.
/// </summary>
internal sealed partial class RedisQuotePublisher(
    RedisConnection redis,
    RedisKeys keys,
    InProcessMarketUpdates updates,
    IGrainFactory grains,
    ISymbolLocality locality,
    SiloIdentity silo,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisQuotePublisher> logger) : BackgroundService, IQuoteObserver
{
    private readonly ConcurrentDictionary<string, Quote> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _statsDue = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSent = new(StringComparer.Ordinal);
    private readonly RedisOptions _options = options.Value;

    /// <summary>Whether the last write reached Redis.</summary>
    public bool Healthy { get; private set; } = true;

    public void OnQuote(Quote quote) =>
        _pending.AddOrUpdate(quote.Symbol, static (_, next) => next, static (_, current, next) => current.Sequence >= next.Sequence ? current : next, quote);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = updates.SubscribeLocal(this);
        using var timer = new PeriodicTimer(_options.PublishInterval, time);
        var lastStats = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishPendingAsync();
                if (time.GetElapsedTime(lastStats) >= _options.StatsInterval)
                {
                    lastStats = time.GetTimestamp();
                    await RefreshStatsAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Last values out before the silo goes.
        await PublishPendingAsync(all: true);
    }

    private async Task PublishPendingAsync(bool all = false)
    {
        // A symbol goes out at most once per SymbolInterval (the hub sends no faster anyway); a
        // symbol quiet for that long goes out at once, so a lone update is not delayed.
        var now = time.GetTimestamp();
        var quotes = new List<Quote>();
        foreach (var symbol in _pending.Keys)
        {
            if (!all && _lastSent.TryGetValue(symbol, out var sent) && time.GetElapsedTime(sent, now) < _options.SymbolInterval)
            {
                continue;
            }

            if (_pending.TryRemove(symbol, out var quote))
            {
                quotes.Add(quote);
                _lastSent[symbol] = now;
            }
        }

        if (quotes.Count == 0)
        {
            return;
        }

        try
        {
            var database = redis.Database;
            var batch = database.CreateBatch();
            var writes = new List<Task>(quotes.Count * 3);
            foreach (var quote in quotes)
            {
                var json = JsonSerializer.Serialize(quote, ClusterJson.Options);
                // The envelope wraps the same JSON instead of serialising the quote twice.
                var envelope = $"{{\"silo\":{JsonSerializer.Serialize(silo.Id)},\"quote\":{json}}}";
                writes.Add(batch.HashSetAsync(keys.Symbol(quote.Symbol),
                [
                    new HashEntry("quote", json),
                    new HashEntry("sequence", quote.Sequence),
                    new HashEntry("silo", silo.Id),
                ]));
                if (!_listed.Contains(quote.Symbol))
                {
                    writes.Add(batch.SetAddAsync(keys.Symbols, quote.Symbol));
                }
                writes.Add(batch.PublishAsync(keys.Quotes, envelope));
            }

            batch.Execute();
            await Task.WhenAll(writes);
            _listed.UnionWith(quotes.Select(q => q.Symbol));
            _statsDue.UnionWith(quotes.Select(q => q.Symbol));
            Healthy = true;
        }
        catch (Exception ex)
        {
            // Keep the newest value of each symbol for the next attempt; a restarted Redis may have lost the symbol set.
            _listed.Clear();
            foreach (var quote in quotes)
            {
                OnQuote(quote);
            }

            if (Healthy)
            {
                LogPublishFailed(ex, quotes.Count);
            }

            Healthy = false;
        }
    }

    private async Task RefreshStatsAsync()
    {
        if (_statsDue.Count == 0 || !Healthy)
        {
            return;
        }

        var symbols = _statsDue.ToList();
        _statsDue.Clear();
        try
        {
            var database = redis.Database;
            var writes = new List<Task>(symbols.Count);
            // A symbol handed over since is its new owner's to describe (and calling it would reactivate it here).
            foreach (var symbol in symbols.Where(locality.IsLocal))
            {
                var stats = await grains.GetGrain<ISymbolGrain>(symbol).GetStatsAsync();
                if (stats is not null)
                {
                    writes.Add(database.HashSetAsync(keys.Symbol(symbol), "stats", JsonSerializer.Serialize(stats, ClusterJson.Options)));
                }
            }

            await Task.WhenAll(writes);
        }
        catch (Exception ex)
        {
            _statsDue.UnionWith(symbols);
            LogStatsFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} quotes to Redis failed; the latest of each is kept and retried")]
    private partial void LogPublishFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing statistics in Redis failed; retrying")]
    private partial void LogStatsFailed(Exception exception);
}
