using System.Globalization;

namespace Pricing.Web.Apis;

/// <summary>
/// Cursors of paged endpoints. Clients treat them as opaque and pass a page's <c>nextCursor</c>
/// back as <c>before</c>. Inside: for candles, the start of the oldest candle of the page in
/// unix milliseconds; for trades, the trade id of the oldest trade of the page (both decimal).
/// </summary>
public static class PageCursor
{
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static string ForCandle(Candle oldest) =>
        oldest.Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string ForTrade(Trade oldest) => oldest.TradeId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseCandle(string cursor, out DateTimeOffset before)
    {
        if (TryParseNumber(cursor, out var milliseconds) && milliseconds <= MaxUnixMilliseconds)
        {
            before = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }

        before = default;
        return false;
    }

    public static bool TryParseTrade(string cursor, out long beforeTradeId) =>
        TryParseNumber(cursor, out beforeTradeId) && beforeTradeId >= 1;

    // Digits only: no sign, spaces or exponent, so each cursor has one spelling.
    private static bool TryParseNumber(string cursor, out long value) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
