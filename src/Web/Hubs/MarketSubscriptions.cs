using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Web.Hosting;

namespace Pricing.Web.Hubs;

/// <summary>What the hub's methods do: validation, outbox slots, snapshots and their baselines.</summary>
internal sealed partial class MarketSubscriptions(
    OutboxRegistry registry,
    IMarketQueries queries,
    IMarketSummaryFeed summaryFeed,
    IOptions<MarketHubOptions> options,
    ILogger<MarketSubscriptions> logger)
{
    /// <summary>
    /// Subscribes to <paramref name="symbols"/> and returns their snapshots, one per distinct
    /// symbol in request order. The slots are in place before the snapshots are read, so no
    /// update falls between the two; the snapshot's sequence becomes the slot's baseline.
    /// </summary>
    public async Task<Quote[]> SubscribeAsync(string connectionId, string[]? symbols, CancellationToken connectionAborted)
    {
        var normalized = Normalize(symbols, nameof(MarketHub.Subscribe));
        var max = options.Value.MaxSymbolsPerConnection;
        var outbox = registry.GetOrCreate(connectionId);
        if (!outbox.TryAddSymbols(normalized, max, out var slots, out var added))
        {
            throw new HubException($"Too many symbols: a connection may subscribe to at most {max} symbols; it has {outbox.SymbolCount}.");
        }

        registry.Index.Add(added);
        try
        {
            var snapshots = await ReadSnapshotsAsync(normalized, connectionAborted);
            var unknown = normalized.Where((_, i) => snapshots[i] is null).ToList();
            if (unknown.Count > 0)
            {
                throw new HubException(unknown.Count == 1 ? $"unknown symbol {unknown[0]}" : $"unknown symbols {string.Join(", ", unknown)}");
            }

            var holdUntil = outbox.HoldUntil();
            var result = new Quote[snapshots.Length];
            for (var i = 0; i < snapshots.Length; i++)
            {
                result[i] = snapshots[i]!;
                slots[i].Arm(result[i].Sequence, holdUntil);
            }

            LogSubscribed(connectionId, normalized.Count, outbox.SymbolCount);
            await DropIfGoneAsync(connectionId, connectionAborted);
            return result;
        }
        catch
        {
            outbox.RemoveSlots(added);
            registry.Index.Remove(added);
            throw;
        }
    }

    public Task UnsubscribeAsync(string connectionId, string[]? symbols)
    {
        var normalized = Normalize(symbols, nameof(MarketHub.Unsubscribe));
        if (registry.TryGet(connectionId, out var outbox))
        {
            registry.Index.Remove(outbox.RemoveSymbols(normalized));
        }

        return Task.CompletedTask;
    }

    /// <summary>Subscribes to the market summary and returns the current one (the baseline).</summary>
    public async Task<MarketSummary> SubscribeSummaryAsync(string connectionId, CancellationToken connectionAborted)
    {
        var outbox = registry.GetOrCreate(connectionId);
        var (slot, added) = outbox.GetOrAddSummary();
        if (added)
        {
            registry.Index.AddSummary(slot);
        }

        var current = summaryFeed.Current;
        slot.Arm(current.AsOf.UtcTicks, outbox.HoldUntil());
        await DropIfGoneAsync(connectionId, connectionAborted);
        return current;
    }

    public Task UnsubscribeSummaryAsync(string connectionId)
    {
        if (registry.TryGet(connectionId, out var outbox) && outbox.RemoveSummary() is { } slot)
        {
            registry.Index.RemoveSummary(slot);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisconnectedAsync(string connectionId) => registry.RemoveAsync(connectionId);

    private List<string> Normalize(string[]? symbols, string method)
    {
        if (symbols is null || symbols.Length == 0)
        {
            throw new HubException($"{method} needs at least one symbol.");
        }

        var maxPerCall = options.Value.MaxSymbolsPerCall;
        if (symbols.Length > maxPerCall)
        {
            throw new HubException($"Too many symbols in one call: at most {maxPerCall} per {method} call; got {symbols.Length}.");
        }

        var invalid = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var normalized = new List<string>(symbols.Length);
        foreach (var input in symbols)
        {
            if (!SymbolRules.TryNormalize(input, out var symbol))
            {
                invalid.Add(input is null ? "null" : $"'{input}'");
            }
            else if (seen.Add(symbol))
            {
                normalized.Add(symbol);
            }
        }

        if (invalid.Count > 0)
        {
            var shown = string.Join(", ", invalid.Take(5)) + (invalid.Count > 5 ? $" and {invalid.Count - 5} more" : string.Empty);
            throw new HubException($"invalid symbol {shown}: a symbol is {SymbolRules.Description} (pattern {SymbolRules.Pattern}).");
        }

        return normalized;
    }

    private async Task<Quote?[]> ReadSnapshotsAsync(List<string> symbols, CancellationToken cancellationToken)
    {
        // Start every read before awaiting any, so grains answer in parallel; most complete synchronously.
        var snapshots = new Quote?[symbols.Count];
        List<(int Index, Task<Quote?> Read)>? pending = null;
        for (var i = 0; i < symbols.Count; i++)
        {
            var read = queries.GetQuoteAsync(symbols[i], cancellationToken);
            if (read.IsCompletedSuccessfully)
            {
                snapshots[i] = read.Result;
            }
            else
            {
                (pending ??= []).Add((i, read.AsTask()));
            }
        }

        if (pending is not null)
        {
            await Task.WhenAll(pending.Select(p => p.Read));
            foreach (var (index, read) in pending)
            {
                snapshots[index] = await read;
            }
        }

        return snapshots;
    }

    // A connection that closed while this call ran may have been cleaned up before the outbox was
    // created; clean up again so no orphaned loop is left behind.
    private async ValueTask DropIfGoneAsync(string connectionId, CancellationToken connectionAborted)
    {
        if (connectionAborted.IsCancellationRequested)
        {
            await registry.RemoveAsync(connectionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} subscribed to {Count} symbols ({Total} in all)")]
    private partial void LogSubscribed(string connectionId, int count, int total);
}
