using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Pricing.Web.Apis;

/// <summary>
/// The REST API, version 1, under <c>/api/v1</c>. Symbols in paths are case-insensitive.
/// Errors are RFC 9457 problem details: 400 with <c>errors</c> keyed by parameter name, 404 for
/// an unknown symbol.
/// </summary>
public static class MarketApi
{
    /// <summary>Maps the <c>/api/v1</c> endpoints and the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapGet("/symbols", GetSymbols)
            .WithName("GetSymbols")
            .WithSummary("Every known symbol with its last price, ordered by symbol")
            .WithTags("Symbols");

        api.MapGet("/quotes/{symbol}", GetQuote)
            .WithName("GetQuote")
            .WithSummary("The latest quote of a symbol")
            .WithTags("Quotes")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/symbols/{symbol}/stats", GetStats)
            .WithName("GetSymbolStats")
            .WithSummary("Every statistic of a symbol: VWAPs, moving averages, volatility, open candles")
            .WithTags("Symbols")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/candles/{symbol}", GetCandles)
            .WithName("GetCandles")
            .WithSummary("OHLCV candles of a symbol, newest first, paged with a cursor")
            .WithTags("Candles")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/trades/{symbol}", GetTrades)
            .WithName("GetTrades")
            .WithSummary("Trades of a symbol, newest first, paged with a cursor")
            .WithTags("Trades")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/market-summary", GetMarketSummary)
            .WithName("GetMarketSummary")
            .WithSummary("The whole market at a glance: breadth, activity and movers")
            .WithTags("Market");

        api.MapGet("/cluster", GetCluster)
            .WithName("GetCluster")
            .WithSummary("The live silos: partitions, activations, ingest rate, consumer lag and errors")
            .WithTags("Cluster");

        endpoints.MapOpenApi();
        return endpoints;
    }

    public static async Task<Ok<ClusterStatus>> GetCluster(IClusterView cluster, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cluster.GetStatusAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<SymbolSummary>>> GetSymbols(IMarketQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetSymbolsAsync(cancellationToken));

    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> GetQuote(
        [Description("Symbol, case-insensitive, e.g. AAPL or btc-usd")] string symbol,
        IMarketQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var normalized = RequestParameters.Symbol(symbol, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return await queries.GetQuoteAsync(normalized, cancellationToken) is { } quote
            ? TypedResults.Ok(quote)
            : RequestParameters.UnknownSymbol(normalized);
    }

    public static async Task<Results<Ok<SymbolStats>, ProblemHttpResult>> GetStats(
        [Description("Symbol, case-insensitive")] string symbol,
        IMarketQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var normalized = RequestParameters.Symbol(symbol, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return await queries.GetStatsAsync(normalized, cancellationToken) is { } stats
            ? TypedResults.Ok(stats)
            : RequestParameters.UnknownSymbol(normalized);
    }

    public static async Task<Results<Ok<Page<Candle>>, ProblemHttpResult>> GetCandles(
        [Description("Symbol, case-insensitive")] string symbol,
        [FromQuery, Description("Candle interval: 1m, 5m, 15m, 1h, 4h or 1d; default 1m")] string? interval,
        [FromQuery, Description("Page size, 1 to 1000; default 100")] string? limit,
        [FromQuery, Description("Cursor: the nextCursor of the previous page; omit for the newest candles")] string? before,
        IMarketQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var normalized = RequestParameters.Symbol(symbol, errors);
        var candleInterval = RequestParameters.Interval(interval, errors);
        var pageSize = RequestParameters.Limit(limit, errors);
        var beforeStart = RequestParameters.CandleCursor(before, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = await queries.GetCandlesAsync(normalized, candleInterval, pageSize, beforeStart, cancellationToken);
        if (page is null)
        {
            return RequestParameters.UnknownSymbol(normalized);
        }

        // The store says whether older candles exist; the cursor format is the API's own.
        var next = page.NextCursor is not null && page.Items.Count > 0 ? PageCursor.ForCandle(page.Items[^1]) : null;
        return TypedResults.Ok(page with { NextCursor = next });
    }

    public static async Task<Results<Ok<Page<Trade>>, ProblemHttpResult>> GetTrades(
        [Description("Symbol, case-insensitive")] string symbol,
        [FromQuery, Description("Page size, 1 to 1000; default 100")] string? limit,
        [FromQuery, Description("Cursor: the nextCursor of the previous page; omit for the newest trades")] string? before,
        IMarketQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var normalized = RequestParameters.Symbol(symbol, errors);
        var pageSize = RequestParameters.Limit(limit, errors);
        var beforeTradeId = RequestParameters.TradeCursor(before, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = await queries.GetTradesAsync(normalized, pageSize, beforeTradeId, cancellationToken);
        if (page is null)
        {
            return RequestParameters.UnknownSymbol(normalized);
        }

        var next = page.NextCursor is not null && page.Items.Count > 0 ? PageCursor.ForTrade(page.Items[^1]) : null;
        return TypedResults.Ok(page with { NextCursor = next });
    }

    public static async Task<Ok<MarketSummary>> GetMarketSummary(IMarketQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetMarketSummaryAsync(cancellationToken));
}
