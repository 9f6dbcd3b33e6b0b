namespace Pricing.Simulator.Cli.Messages;

/// <summary>Ways a message breaks the tick message format, one per rule of docs/tick-message.md.</summary>
public enum BadMessageKind
{
    /// <summary>The value is not a JSON object: plain text, invalid UTF-8, truncated JSON or empty.</summary>
    NotJson,

    /// <summary>One of symbol, price, size, timestamp is absent.</summary>
    MissingField,

    /// <summary>The price is negative.</summary>
    NegativePrice,

    /// <summary>The value's symbol is a valid symbol other than the key.</summary>
    SymbolMismatch,

    /// <summary>The timestamp is not ISO-8601 UTC with at most 7 fractional digits.</summary>
    BadTimestamp,
}
