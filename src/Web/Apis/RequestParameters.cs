using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pricing.Web.Apis;

/// <summary>Parsing of path and query parameters, with the error each bad value gets.</summary>
internal static class RequestParameters
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static string Symbol(string raw, RequestErrors errors)
    {
        if (SymbolRules.TryNormalize(raw, out var symbol))
        {
            return symbol;
        }

        errors.Add("symbol", $"'{Shorten(raw)}' is not a valid symbol: {SymbolRules.Description} (pattern {SymbolRules.Pattern}).");
        return string.Empty;
    }

    public static CandleInterval Interval(string? raw, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return CandleInterval.OneMinute;
        }

        if (CandleIntervals.TryParse(raw, out var interval))
        {
            return interval;
        }

        errors.Add("interval", $"'{Shorten(raw)}' is not a candle interval; allowed values: {string.Join(", ", CandleIntervals.Names)}.");
        return default;
    }

    public static int Limit(string? raw, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return DefaultLimit;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        errors.Add("limit", $"limit must be an integer from 1 to {MaxLimit}; got '{Shorten(raw)}'.");
        return DefaultLimit;
    }

    public static DateTimeOffset? CandleCursor(string? raw, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (PageCursor.TryParseCandle(raw, out var before))
        {
            return before;
        }

        errors.Add("before", BadCursor(raw));
        return null;
    }

    public static long? TradeCursor(string? raw, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (PageCursor.TryParseTrade(raw, out var before))
        {
            return before;
        }

        errors.Add("before", BadCursor(raw));
        return null;
    }

    public static ProblemHttpResult UnknownSymbol(string symbol) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown symbol",
        detail: $"Symbol '{symbol}' is not known to the service.");

    private static string BadCursor(string raw) =>
        $"'{Shorten(raw)}' is not a valid cursor; pass the nextCursor of a previous page unchanged.";

    // Echo enough of a bad value to recognise it, not a whole oversized URL.
    private static string Shorten(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 40), "...");
}
