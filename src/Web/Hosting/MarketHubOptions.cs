namespace Pricing.Web.Hosting;

/// <summary>Settings of the market hub, bound from <c>Pricing:Hub</c>.</summary>
public sealed class MarketHubOptions
{
    public const string SectionName = "Pricing:Hub";

    /// <summary>
    /// Per connection and symbol, at most one quote is sent per interval; updates in between are
    /// conflated to the latest. Also how long a fresh subscription holds its first update, so the
    /// snapshot (the invocation result) reaches the client first.
    /// </summary>
    public TimeSpan QuoteInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Symbols one connection may be subscribed to at once; bounds its outbox.</summary>
    public int MaxSymbolsPerConnection { get; set; } = 5000;

    /// <summary>Symbols one <c>Subscribe</c> or <c>Unsubscribe</c> call may name.</summary>
    public int MaxSymbolsPerCall { get; set; } = 1000;

    /// <summary>
    /// Largest message a client may send (SignalR's default is 32 KB). Sized so that a call with
    /// <see cref="MaxSymbolsPerCall"/> symbols of 16 characters fits.
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 64 * 1024;
}
