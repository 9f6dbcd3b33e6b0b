namespace Pricing.Web.Hubs;

/// <summary>Names on the wire of the market hub (<c>/hubs/market</c>).</summary>
public static class MarketHubMethods
{
    /// <summary>Where <c>MapMarketHub</c> maps the hub.</summary>
    public const string Path = "/hubs/market";

    /// <summary>Server to client: one <see cref="Quote"/>, the latest of a subscribed symbol.</summary>
    public const string Quote = "quote";

    /// <summary>Server to client: a <see cref="MarketSummary"/>, to summary subscribers.</summary>
    public const string Summary = "summary";
}
