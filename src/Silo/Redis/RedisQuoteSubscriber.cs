using System.Text.Json;
using Pricing.Silo.Cluster;
using Pricing.Silo.ReadModel;
using StackExchange.Redis;

namespace Pricing.Silo.Redis;

/// <summary>
/// Brings other silos' quotes into this one: the shared channel feeds the in-process bus (so the
/// hub's clients here get every symbol), and at start and after each reconnect the last-value
/// hashes fill the cache (so reads here answer for every symbol, not only those updated since).
/// </summary>
internal sealed partial class RedisQuoteSubscriber(
    RedisConnection redis,
    RedisKeys keys,
    InProcessMarketUpdates updates,
    LastValueCache cache,
    SiloIdentity silo,
    TimeProvider time,
    ILogger<RedisQuoteSubscriber> logger) : BackgroundService
{
    private int _reloadWanted = 1;

    /// <summary>Whether the last snapshot load succeeded.</summary>
    public bool Healthy { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var multiplexer = redis.Multiplexer;
        multiplexer.ConnectionRestored += (_, _) => Interlocked.Exchange(ref _reloadWanted, 1);
        var subscribed = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // The client re-subscribes by itself after a reconnect; only the first subscription is ours to retry.
                subscribed = subscribed || await TrySubscribeAsync(multiplexer);
                if (subscribed && Interlocked.Exchange(ref _reloadWanted, 0) == 1)
                {
                    await ReloadAsync();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TrySubscribeAsync(ConnectionMultiplexer multiplexer)
    {
        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(keys.Quotes, (_, message) => OnMessage(message));
            return true;
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(ex);
            return false;
        }
    }

    private void OnMessage(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<QuoteEnvelope>((string)message!, ClusterJson.Options);
            if (envelope is not null && envelope.Silo != silo.Id)
            {
                updates.PublishRemote(envelope.Quote);
            }
        }
        catch (JsonException ex)
        {
            LogBadMessage(ex);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            var database = redis.Database;
            var symbols = await database.SetMembersAsync(keys.Symbols);
            var reads = symbols.Select(s => database.HashGetAsync(keys.Symbol((string)s!), "quote")).ToList();
            foreach (var json in await Task.WhenAll(reads))
            {
                if (json.HasValue && JsonSerializer.Deserialize<Pricing.Grains.Quote>((string)json!, ClusterJson.Options) is { } quote)
                {
                    cache.OnQuote(quote);
                }
            }

            Healthy = true;
            LogReloaded(reads.Count);
        }
        catch (Exception ex)
        {
            Healthy = false;
            Interlocked.Exchange(ref _reloadWanted, 1);
            LogReloadFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} symbols' last values from Redis")]
    private partial void LogReloaded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading last values from Redis failed; retrying")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the quote channel failed; retrying")]
    private partial void LogSubscribeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a malformed message on the quote channel")]
    private partial void LogBadMessage(Exception exception);
}
